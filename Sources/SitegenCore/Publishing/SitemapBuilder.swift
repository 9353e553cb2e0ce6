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
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        let pages = tree.pages
        for index in pages.indices {
            let page = pages[index].page
            let location = baseURL.absolute(LinkResolver.encode(page.sitePath)) ?? ""
            xml += "<url><loc>\(XMLText.escape(location))</loc>"
            if let date = page.frontMatter.updated ?? page.frontMatter.date {
                xml += "<lastmod>\(DateText.day(date))</lastmod>"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }

    /// `robots.txt` allowing everything and naming the sitemap.
    public func robots() -> Data {
        Data("User-agent: *\nAllow: /\n\nSitemap: \(baseURL.absolute("sitemap.xml") ?? "")\n".utf8)
    }
}
