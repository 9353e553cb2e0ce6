import Testing

@testable import SitegenHighlight

@Suite struct PlaceholderTests {
    @Test func unknownLanguagesAreNotHighlighted() {
        #expect(SyntaxHighlighter.highlight("x", language: "brainfuck") == nil)
    }
}
