import Foundation

/// Builds an Atom feed (`feed.xml`) of the most recently added or updated pages.
public struct FeedBuilder: Sendable {
    /// Site settings; the base URL must have an origin.
    public let config: SiteConfig
    /// Most entries in the feed.
    public let limit: Int

    /// Creates a builder.
    public init(config: SiteConfig, limit: Int = 20) {
        self.config = config
        self.limit = limit
    }

    /// The feed, or nil when no page has a `date` or `updated` (Atom needs an `updated` time).
    public func feed(_ tree: SiteTree) -> Data? {
        let pages = tree.pages
        let dated = Self.newest(pages, limit: limit)
        guard let newest = dated.first?.1 else { return nil }
        let home = absolute("")
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(XMLText.escape(config.title))</title>

            """
        if !config.description.isEmpty {
            xml += "<subtitle>\(XMLText.escape(config.description))</subtitle>\n"
        }
        xml += """
            <link href="\(XMLText.escape(absolute("feed.xml")))" rel="self"/>
            <link href="\(XMLText.escape(home))"/>
            <id>\(XMLText.escape(home))</id>
            <updated>\(Self.timestamp(newest))</updated>
            <author><name>\(XMLText.escape(config.author.isEmpty ? config.title : config.author))</name></author>

            """
        for (index, date) in dated { xml += entry(pages[index], updated: date) }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }

    /// The `limit` pages updated (or else published) last, newest first, with that date; pages
    /// of one date by path. Only the newest are kept as the pages are read, which are read in
    /// place (a copy retains every reference a page holds), and no other is sorted.
    static func newest(_ pages: [RenderedPage], limit: Int) -> [(Int, Date)] {
        var newest: [(Int, Date)] = []
        guard limit > 0 else { return newest }
        pages.withUnsafeBufferPointer { pages in
            func isNewer(_ left: (Int, Date), than right: (Int, Date)) -> Bool {
                left.1 != right.1
                    ? left.1 > right.1 : pages[left.0].sitePath < pages[right.0].sitePath
            }
            for index in pages.indices {
                guard
                    let date = pages[index].page.frontMatter.updated
                        ?? pages[index].page.frontMatter.date
                else { continue }
                let candidate = (index, date)
                if newest.count == limit {
                    guard let last = newest.last, isNewer(candidate, than: last) else { continue }
                    newest.removeLast()
                }
                let position = newest.firstIndex { isNewer(candidate, than: $0) } ?? newest.count
                newest.insert(candidate, at: position)
            }
        }
        return newest
    }

    private func entry(_ rendered: RenderedPage, updated: Date) -> String {
        let url = absolute(LinkResolver.encode(rendered.sitePath))
        var xml = "<entry>\n<title>\(XMLText.escape(rendered.title))</title>\n"
        xml += "<link href=\"\(XMLText.escape(url))\"/>\n<id>\(XMLText.escape(url))</id>\n"
        if let published = rendered.page.frontMatter.date {
            xml += "<published>\(Self.timestamp(published))</published>\n"
        }
        xml += "<updated>\(Self.timestamp(updated))</updated>\n"
        xml += "<summary>\(XMLText.escape(rendered.summary))</summary>\n</entry>\n"
        return xml
    }

    private func absolute(_ sitePath: String) -> String {
        config.baseURL.absolute(sitePath) ?? sitePath
    }

    /// RFC 3339 in UTC: `2024-05-01T00:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 1970, parts.month ?? 1,
            parts.day ?? 1,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
