import Testing

@testable import SitegenHighlight

@Suite struct HighlighterAPITests {
    /// Every supported name and alias.
    static let names = [
        "python", "py", "bash", "sh", "shell", "zsh", "console", "shell-session", "yaml", "yml",
        "json", "sql",
        "dockerfile", "docker", "toml", "ini", "cfg", "javascript", "js", "http", "swift",
    ]

    @Test(arguments: names)
    func supportsEveryNameAndAliasInAnyCase(_ name: String) {
        #expect(SyntaxHighlighter.supports(name))
        #expect(SyntaxHighlighter.supports(name.uppercased()))
        #expect(SyntaxHighlighter.supports(name.prefix(1).uppercased() + name.dropFirst()))
        #expect(SyntaxHighlighter.highlight("x", language: name) != nil)
    }

    @Test func theFirstWordOfAnInfoStringNamesTheLanguage() {
        #expect(SyntaxHighlighter.supports("python complete"))
        #expect(
            SyntaxHighlighter.highlight("x = 1", language: "Python complete")
                == "x = \(hl("n", "1"))")
    }

    @Test(arguments: [
        "", " ", "brainfuck", "rust", "text", "pythonic", "c++", "python3", "jsx", "yaml:",
        "console-",
    ])
    func unsupportedLanguagesGiveNil(_ name: String) {
        #expect(!SyntaxHighlighter.supports(name))
        #expect(SyntaxHighlighter.highlight("print('x')", language: name) == nil)
    }

    @Test func onlyTheFourCmarkCharactersAreEscaped() {
        #expect(
            HighlightCheck.html(#"a & b < c > d "e" 'f' / é 😀"#, "console")
                == #"a &amp; b &lt; c &gt; d &quot;e&quot; 'f' / é 😀"#
        )
        #expect(HighlightCheck.html("&amp; &lt;", "console") == "&amp;amp; &amp;lt;")
    }

    @Test(arguments: names)
    func scriptTagsStayEscaped(_ name: String) {
        for code in [
            #"<script>alert("x")</script>"#, #"x = "<script>" # </script>"#,
            "<!-- <script src=x> -->",
        ] {
            let html = HighlightCheck.html(code, name)
            #expect(
                !html.contains("<script") && !html.contains("</script") && !html.contains("<!--"))
            HighlightCheck.expectRoundTrip(code, name)
        }
    }

    @Test(arguments: names)
    func emptyInputGivesEmptyOutput(_ name: String) {
        #expect(SyntaxHighlighter.highlight("", language: name) == "")
    }
}
