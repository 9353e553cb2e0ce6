import Testing

@testable import SitegenMarkdown

@Suite struct MarkdownTextSectionTests {
    let renderer = MarkdownRenderer()

    @Test func sectionsSplitAtH2AndH3() {
        let markdown = """
            Intro   text
            with a\tbreak.

            ## One

            Use `inline` here.

            ```
            code  block
            ```

            <div>raw html</div>

            Text with <span>inline</span> html.

            ### Two

            sub

            #### Deep

            deep text

            ## Three

            last
            """
        let result = renderer.render(markdown)
        let one = MarkdownHeading(level: 2, text: "One", id: "one", line: 4)
        let two = MarkdownHeading(level: 3, text: "Two", id: "two", line: 16)
        let three = MarkdownHeading(level: 2, text: "Three", id: "three", line: 24)
        #expect(
            result.sections == [
                MarkdownTextSection(heading: nil, text: "Intro text with a break."),
                MarkdownTextSection(
                    heading: one, text: "Use inline here. code block Text with inline html."),
                MarkdownTextSection(heading: two, text: "sub Deep deep text"),
                MarkdownTextSection(heading: three, text: "last"),
            ])
    }

    @Test func headingsOutsideH2AndH3StayInTheirSection() {
        let result = renderer.render("# Title\n\nintro\n\n### Sub\n\n###### Tiny\n\nsmall\n")
        #expect(result.sections.map(\.heading?.id) == [nil, "sub"])
        #expect(result.sections.map(\.text) == ["Title intro", "Tiny small"])
    }

    @Test func extractedTitleIsNotSectionText() {
        let options = MarkdownOptions(extractLeadingTitle: true)
        let result = MarkdownRenderer(options: options).render("# Title\n\nintro\n")
        #expect(result.sections == [MarkdownTextSection(heading: nil, text: "intro")])
    }

    @Test func tableCellsAreSeparatedBySpaces() {
        let result = renderer.render("## Table\n\n|a|b|\n|-|-|\n|c|d|\n|`e`|**f**|\n")
        #expect(result.sections.last?.text == "a b c d e f")
    }

    @Test func listItemsAndQuotesAreSeparated() {
        let result = renderer.render("- one\n- two\n\n> quoted\n> text\n\nend\n")
        #expect(
            result.sections == [MarkdownTextSection(heading: nil, text: "one two quoted text end")])
    }

    @Test func rawHTMLIsDroppedButFilteredTextIsKept() {
        let result = renderer.render(
            "<script>alert(1)</script>\n\n<!-- comment -->\n\nKeep <b>this</b>.\n")
        #expect(result.sections == [MarkdownTextSection(heading: nil, text: "Keep this.")])
    }

    @Test func wordsCountedWhileCollectingMatchCountingTheText() {
        let documents = [
            "", "one", "**bold**text and *more*  words\nnext line",
            "Intro `code span` x\n\n## Head one\n\nText *a*b* c*.\n\n```\nlet  x =\ty\n```\n",
            "| a | b |\n|---|---|\n| c d | e |\n", "- item\n- two words\n\n> quote  here\n",
            "tab\tsep and\r\nwindows line\n\n### Three\n\nlast [link](x.md)text",
            "é ü ß\u{00A0}nbsp\n\n## \n\nempty heading",
        ]
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        for document in documents {
            for section in renderer.render(document).sections {
                #expect(
                    section.wordCount == MarkdownTextSection.countWords(section.text),
                    "\(section.text.debugDescription)")
            }
        }
    }
}

@Suite struct WordCountTests {
    /// The count a word-at-a-time reading gives.
    static func reference(_ text: String) -> Int {
        text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    }

    @Test func countsRunsOfNonSpaceBytes() {
        let texts = [
            "", " ", "a", " a", "a ", "  a  b  ", "one two\tthree\nfour", "é ü", "x\r\ny",
            "\t\t", String(repeating: "word ", count: 1000),
        ]
        for text in texts {
            #expect(
                MarkdownTextSection.countWords(text) == Self.reference(text),
                "\(text.debugDescription)")
        }
    }
}

/// Plain text is collected a machine word at a time: seeded paragraphs of words (ASCII, other
/// scripts, control characters) and mixed white space must collapse to the words joined by
/// single spaces, with their count, whatever the lengths and positions.
@Suite struct PlainTextCollapseTests {
    @Test func paragraphsCollapseToSingleSpaces() {
        var generator = XorShiftRandom(state: 41)
        let letters = ["a", "b", "z", "Q", "é", "中", "😀", "\u{7}", "x\u{7}y", "ab"]
        let separators = [" ", "  ", "\t", " \t ", "\n", " \n  "]
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        for _ in 0..<300 {
            let words = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                "w"
                    + (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                        letters[Int.random(in: 0..<letters.count, using: &generator)]
                    }.joined()
            }
            var document = words[0]
            for word in words.dropFirst() {
                document += separators[Int.random(in: 0..<separators.count, using: &generator)]
                document += word
            }
            let sections = renderer.render(document).sections
            #expect(
                sections.map(\.text) == [words.joined(separator: " ")],
                "\(document.debugDescription)")
            #expect(sections.map(\.wordCount) == [words.count])
        }
    }
}

/// A seeded xorshift64* generator, so the randomised cases are the same on every run.
private struct XorShiftRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
