import Testing

@testable import SitegenMarkdown

@Suite struct MarkdownLinkTests {
    let renderer = MarkdownRenderer()

    @Test func linksAndImagesAreListedInDocumentOrderWithPositions() {
        let markdown = """
            Para with [a link](http://a.example) and ![img](pic.png)
            second line [b](b.html)

            | h [c](c.html) | h2 |
            |---|---|
            | [d](d.html) | x |

            > quote [e](e.html)

            - item [f](f.html)
              cont [g](g.html)

            ## Head [h](h.html)

            See [the docs][ref] and <https://angle.example>.

            [ref]: docs.md
            """
        let links = renderer.render(markdown).links
        #expect(
            links == [
                MarkdownLink(destination: "http://a.example", line: 1, column: 11, isImage: false),
                MarkdownLink(destination: "pic.png", line: 1, column: 42, isImage: true),
                MarkdownLink(destination: "b.html", line: 2, column: 13, isImage: false),
                MarkdownLink(destination: "c.html", line: 4, column: 5, isImage: false),
                MarkdownLink(destination: "d.html", line: 6, column: 3, isImage: false),
                MarkdownLink(destination: "e.html", line: 8, column: 9, isImage: false),
                MarkdownLink(destination: "f.html", line: 10, column: 8, isImage: false),
                MarkdownLink(destination: "g.html", line: 11, column: 8, isImage: false),
                MarkdownLink(destination: "h.html", line: 13, column: 9, isImage: false),
                MarkdownLink(destination: "docs.md", line: 15, column: 5, isImage: false),
                MarkdownLink(
                    destination: "https://angle.example", line: 15, column: 25, isImage: false),
            ])
    }

    @Test func linkLinesSurviveCRLFLineEndings() {
        let links = renderer.render("Para\r\nline [a](a.html)\r\n\r\n## Head [h](h.html)\r\n").links
        #expect(links.map(\.line) == [2, 4])
        #expect(links.map(\.column) == [6, 9])
    }

    /// Bare URL autolinks have no source position in cmark-gfm; the walker falls back to the
    /// enclosing block, which is exact for a URL that opens its paragraph.
    @Test func bareURLAtParagraphStartUsesTheBlockPosition() {
        let links = renderer.render(
            "Intro.\n\nhttps://x.example/a starts here.\n\n> me@example.com\n"
        ).links
        #expect(
            links == [
                MarkdownLink(
                    destination: "https://x.example/a", line: 3, column: 1, isImage: false),
                MarkdownLink(
                    destination: "mailto:me@example.com", line: 5, column: 3, isImage: false),
            ])
    }

    @Test func rewriteLinkReplacesDestinationsAndNilKeepsThem() {
        let markdown = "Intro [a](a.md) ![i](i.png) [b](https://b.example)\n\n## See [x](x.md)\n"
        var seen: [MarkdownLink] = []
        let result = renderer.render(markdown) { link in
            seen.append(link)
            if link.isImage { return "/img/" + link.destination }
            if link.destination.hasSuffix(".md") {
                return String(link.destination.dropLast(3)) + ".html"
            }
            return nil
        }
        #expect(
            result.html.hasPrefix(
                "<p>Intro <a href=\"a.html\">a</a> <img src=\"/img/i.png\" alt=\"i\" /> <a href=\"https://b.example\">b</a></p>\n"
            ))
        #expect(
            result.html.contains(
                "<h2 id=\"see-x\">See <a href=\"x.html\">x</a> <a class=\"anchor\""))
        #expect(!result.html.contains(".md"))
        #expect(seen == result.links)
        #expect(result.links.map(\.destination) == ["a.md", "i.png", "https://b.example", "x.md"])
        #expect(result.links.map(\.isImage) == [false, true, false, false])
    }

    @Test func withoutRewriteLinkDestinationsAreUnchanged() {
        let html = renderer.render("[a](a.md) and www.example.com\n").html
        #expect(
            html
                == "<p><a href=\"a.md\">a</a> and <a href=\"http://www.example.com\">www.example.com</a></p>\n"
        )
    }
}
