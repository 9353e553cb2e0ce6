import Testing

@testable import SitegenMarkdown

/// GitHub-style alerts become callouts; other block quotes stay block quotes.
@Suite struct MarkdownCalloutTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("NOTE", "Note"), ("TIP", "Tip"), ("IMPORTANT", "Important"), ("WARNING", "Warning"),
        ("CAUTION", "Caution"),
    ])
    func alertBecomesALabelledCallout(marker: String, title: String) {
        let html = renderer.render("> [!\(marker)]\n> Mind *this*.\n").html
        #expect(
            html == """
                <div class="callout callout-\(title.lowercased())" role="note" aria-label="\(title)">
                <p class="callout-title">\(title)</p>
                <p>Mind <em>this</em>.</p>
                </div>

                """)
    }

    @Test func unknownMarkersAndPlainQuotesStayBlockQuotes() {
        #expect(
            renderer.render("> [!NOPE]\n> text\n").html
                == "<blockquote>\n<p>[!NOPE]\ntext</p>\n</blockquote>\n")
        #expect(renderer.render("> [!NOTE] text on the same line\n").html.hasPrefix("<blockquote>"))
        #expect(renderer.render("> plain\n").html == "<blockquote>\n<p>plain</p>\n</blockquote>\n")
    }

    @Test func calloutMarkerIsNotSearchText() {
        let sections = renderer.render("> [!TIP]\n> Use indexes.\n").sections
        #expect(sections.map(\.text) == ["Use indexes."])
    }

    @Test func calloutsNestInsideListsAndKeepTheirBlocks() {
        let html = renderer.render(
            "- item\n\n  > [!WARNING]\n  > Careful.\n  >\n  > ```sh\n  > rm -rf build\n  > ```\n"
        ).html
        #expect(html.contains("<div class=\"callout callout-warning\""))
        #expect(html.contains("<p>Careful.</p>"))
        #expect(html.contains("<pre><code class=\"language-sh\">"))
    }
}
