import Testing

@testable import SitegenMarkdown

/// Every `id="…"` attribute in an HTML string, in order.
func htmlIDs(_ html: String) -> [String] {
    html.components(separatedBy: " id=\"").dropFirst().compactMap {
        $0.split(separator: "\"").first.map(String.init)
    }
}

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    // MARK: Headings and ids

    @Test func headingGetsIDAndPermalinkAnchor() {
        let result = renderer.render("## Caching strategies\n")
        #expect(
            result.html
                == "<h2 id=\"caching-strategies\">Caching strategies <a class=\"anchor\" href=\"#caching-strategies\" aria-hidden=\"true\" tabindex=\"-1\"></a></h2>\n"
        )
        #expect(
            result.headings == [
                MarkdownHeading(
                    level: 2, text: "Caching strategies", id: "caching-strategies", line: 1)
            ])
    }

    @Test func repeatedHeadingsGetNumberedIDs() {
        let result = renderer.render("## Setup\n\ntext\n\n## Setup\n\n## Setup\n")
        #expect(result.headings.map(\.id) == ["setup", "setup-1", "setup-2"])
        #expect(result.headings.map(\.line) == [1, 5, 7])
        #expect(
            result.html.contains("<h2 id=\"setup-1\">Setup <a class=\"anchor\" href=\"#setup-1\""))
        #expect(
            result.html.contains("<h2 id=\"setup-2\">Setup <a class=\"anchor\" href=\"#setup-2\""))
    }

    @Test func idsAreUniqueAcrossLevels() {
        let result = renderer.render("# Setup\n\n## Setup\n\n### Setup\n\n#### Setup\n")
        #expect(result.headings.map(\.level) == [1, 2, 3, 4])
        #expect(result.headings.map(\.id) == ["setup", "setup-1", "setup-2", "setup-3"])
        #expect(result.html.contains("<h1 id=\"setup\">"))
        #expect(result.html.contains("<h4 id=\"setup-3\">"))
    }

    @Test func headingTextIsPlainAndInlineMarkupIsKept() {
        let result = renderer.render("## Use `map()` and *more*\n")
        #expect(result.headings.first?.text == "Use map() and more")
        #expect(result.headings.first?.id == "use-map-and-more")
        #expect(
            result.html.hasPrefix(
                "<h2 id=\"use-map-and-more\">Use <code>map()</code> and <em>more</em> <a class=\"anchor\""
            ))
    }

    @Test func headingSlugThatLooksLikeAFootnoteIDIsPrefixed() {
        let result = renderer.render("Text[^1].\n\n## fn 1\n\n[^1]: The note.\n")
        #expect(result.headings.map(\.id) == ["h-fn-1"])
        #expect(result.html.contains("<h2 id=\"h-fn-1\">fn 1 "))
        #expect(result.html.contains("<li id=\"fn-1\">"))
        #expect(Set(result.ids).count == result.ids.count)
    }

    @Test func idsListHeadingAndFootnoteIDs() {
        let result = renderer.render(
            "# Intro\n\nSee this[^1] and that[^2].\n\n## Details\n\n[^1]: One.\n[^2]: Two.\n")
        #expect(result.ids == ["intro", "details", "fnref-1", "fnref-2", "fn-1", "fn-2"])
        #expect(Set(result.ids) == Set(htmlIDs(result.html)))
    }

    @Test func idsMatchFootnoteLabelsInTheHTML() {
        let result = renderer.render("Text[^note] and again[^note].\n\n[^note]: The note.\n")
        #expect(result.html.contains("<li id=\"fn-note\">"))
        #expect(result.ids == ["fnref-note", "fnref-note-2", "fn-note"])
        #expect(Set(result.ids) == Set(htmlIDs(result.html)))
    }

    // MARK: GitHub Flavored Markdown

    @Test func rendersGFMExtensions() {
        let markdown = """
            | a | b |
            |---|---|
            | 1 | `x` |

            ~~gone~~ www.example.com and https://x.org

            - [ ] todo
            - [x] done

            Text[^1].

            [^1]: The note.
            """
        let html = renderer.render(markdown).html
        #expect(html.contains("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>"))
        #expect(html.contains("<td><code>x</code></td>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("<a href=\"https://x.org\">https://x.org</a>"))
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" /> todo</li>"))
        #expect(
            html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"))
        #expect(
            html.contains(
                "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>"
            ))
        #expect(
            html.contains("<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">"))
    }

    @Test func tagfilterEscapesScriptButOtherRawHTMLPassesThrough() {
        let markdown =
            "<script>alert(1)</script>\n\n<div class=\"note\">hi</div>\n\nInline <em>raw</em> and <script>x</script>.\n"
        let html = renderer.render(markdown).html
        #expect(html.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(html.contains("Inline <em>raw</em> and &lt;script>x&lt;/script>."))
        #expect(html.contains("<div class=\"note\">hi</div>"))
        #expect(!html.contains("<script>"))
    }

    // MARK: Options

    @Test func smartPunctuationIsOffByDefault() {
        #expect(
            renderer.options == MarkdownOptions(smartPunctuation: false, extractLeadingTitle: false)
        )
        let html = renderer.render("Use --flag and \"quotes\" and 'single' --- done...\n").html
        #expect(html == "<p>Use --flag and &quot;quotes&quot; and 'single' --- done...</p>\n")
    }

    @Test func smartPunctuationCanBeTurnedOn() {
        let smart = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: true))
        let html = smart.render("Use --flag and \"quotes\" and 'single' --- done...\n").html
        #expect(
            html
                == "<p>Use \u{2013}flag and \u{201C}quotes\u{201D} and \u{2018}single\u{2019} \u{2014} done\u{2026}</p>\n"
        )
    }

    @Test func codeInALanguageWithoutHighlightingKeepsCmarkHTML() {
        let html = renderer.render("```ruby\nputs(\"hi\") < 3\n```\n").html
        #expect(
            html
                == "<pre><code class=\"language-ruby\">puts(&quot;hi&quot;) &lt; 3\n</code></pre>\n"
        )
    }

    @Test func codeInAHighlightedLanguageGetsTokenSpansAndStaysSearchText() {
        let result = renderer.render("## Run\n\n```python\nprint(\"hi\") < 3\n```\n")
        #expect(result.html.contains("<pre><code class=\"language-python\"><span class=\"hl-"))
        #expect(result.html.contains("&lt; <span class=\"hl-n\">3</span>"))
        #expect(result.sections.last?.text == "print(\"hi\") < 3")
        let plain = MarkdownRenderer(options: MarkdownOptions(highlightCode: false)).render(
            "```python\nx\n```\n")
        #expect(plain.html == "<pre><code class=\"language-python\">x\n</code></pre>\n")
    }

    @Test(arguments: ["# The *Title*\n\nBody text.\n", "The *Title*\n===\n\nBody text.\n"])
    func leadingTitleIsExtracted(markdown: String) {
        let result = MarkdownRenderer(options: MarkdownOptions(extractLeadingTitle: true)).render(
            markdown)
        #expect(result.leadingTitle == "The Title")
        #expect(result.html == "<p>Body text.</p>\n")
        #expect(result.headings.isEmpty)
        #expect(result.ids.isEmpty)
    }

    @Test func leadingTitleStaysWhenOptionIsOff() {
        let result = renderer.render("# The Title\n\nBody text.\n")
        #expect(result.leadingTitle == nil)
        #expect(result.html.hasPrefix("<h1 id=\"the-title\">The Title <a class=\"anchor\""))
        #expect(result.headings.map(\.id) == ["the-title"])
    }

    @Test(arguments: ["Intro.\n\n# Title\n", "## Title\n\n# Other\n"])
    func titleThatIsNotTheFirstBlockIsNotExtracted(markdown: String) {
        let result = MarkdownRenderer(options: MarkdownOptions(extractLeadingTitle: true)).render(
            markdown)
        #expect(result.leadingTitle == nil)
        #expect(result.html.contains("<h1 id="))
        #expect(result.headings.contains { $0.level == 1 })
    }

    // MARK: First paragraph

    @Test func firstParagraphIsPlainText() {
        let result = renderer.render(
            "# Title\n\nFirst **bold** para with `code` and [link](x.html).\n\nSecond.\n")
        #expect(result.firstParagraph == "First bold para with code and link.")
    }

    @Test func firstParagraphSkipsNestedParagraphs() {
        let result = renderer.render(
            "- item one\n\n> quoted\n\nReal *first* para\nover two lines.\n\nLater.\n")
        #expect(result.firstParagraph == "Real first para over two lines.")
        #expect(renderer.render("## Only a heading\n\n```\ncode\n```\n").firstParagraph == nil)
    }
}
