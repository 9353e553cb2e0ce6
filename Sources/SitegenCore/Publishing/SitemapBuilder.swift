import Foundation

/// Builds `sitemap.xml` and `robots.txt`; both need an absolute base URL.
public struct SitemapBuilder: Sendable {
    /// The site's base URL, with an origin.
    public let baseURL: BaseURL

    /// Creates a builder.
    public init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    /// Every public page with `lastmod` from `updated` or `date` (left out when neither exists).
    public func sitemap(_ tree: SiteTree) -> Data {
        // Written as bytes: appending to a String checks and grows it piece by piece.
        var xml: [UInt8] = []
        xml.reserveCapacity(tree.pages.count * 110 + 160)
        func add(_ text: StaticString) {
            xml.append(
                contentsOf: UnsafeBufferPointer(
                    start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        add(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """)
        // Pages are read in place: copying one retains every reference it holds.
        tree.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                let location = baseURL.absolute(LinkResolver.encode(pages[index].sitePath)) ?? ""
                add("<url><loc>")
                xml.append(contentsOf: XMLText.escape(location).utf8)
                add("</loc>")
                // The dates are read in place: a copy of the front matter retains its strings.
                if let date = pages[index].page.frontMatter.updated
                    ?? pages[index].page.frontMatter.date
                {
                    add("<lastmod>")
                    xml.append(contentsOf: DateText.day(date).utf8)
                    add("</lastmod>")
                }
                add("</url>\n")
            }
        }
        add("</urlset>\n")
        return Data(xml)
    }

    /// `robots.txt` allowing everything and naming the sitemap.
    public func robots() -> Data {
        Data("User-agent: *\nAllow: /\n\nSitemap: \(baseURL.absolute("sitemap.xml") ?? "")\n".utf8)
    }
}
