import Foundation
import SitegenMarkdown

/// One searchable section of a page.
public struct SearchEntry: Sendable, Equatable, Encodable {
    /// Root-relative URL: the page, or `page#anchor` for a heading section.
    public var url: String {
        get { anchor.map { pageURL + "#" + $0 } ?? pageURL }
        set { (pageURL, anchor) = (newValue, nil) }
    }
    /// The URL's parts, kept apart: a build makes tens of thousands of entries and reads
    /// whole URLs only for the few documents it encodes again.
    private var pageURL: String
    private var anchor: String?
    /// The page title.
    public var title: String
    /// The section heading; empty for the text before the first h2.
    public var heading: String
    /// The section's plain text.
    public var text: String {
        get { body.string }
        set { body = SearchText(newValue) }
    }
    /// The text as bytes, left in the build cache's mapped file for a page loaded from it.
    var body: SearchText
    /// The page's topic slugs.
    public var topics: [String]

    /// Creates an entry.
    public init(url: String, title: String, heading: String, text: String, topics: [String]) {
        self.init(url: url, title: title, heading: heading, body: SearchText(text), topics: topics)
    }

    /// Creates an entry whose text may still be in the mapped build cache.
    init(url: String, title: String, heading: String, body: SearchText, topics: [String]) {
        self.init(
            pageURL: url, anchor: nil, title: title, heading: heading, body: body, topics: topics)
    }

    /// Creates an entry for a page's section, `pageURL#anchor` when it has a heading.
    init(
        pageURL: String, anchor: String?, title: String, heading: String, body: SearchText,
        topics: [String]
    ) {
        self.pageURL = pageURL
        self.anchor = anchor
        self.title = title
        self.heading = heading
        self.body = body
        self.topics = topics
    }

    /// Entries are equal when their URLs, however kept, and every other field are.
    public static func == (left: SearchEntry, right: SearchEntry) -> Bool {
        left.url == right.url && left.title == right.title && left.heading == right.heading
            && left.body == right.body && left.topics == right.topics
    }

    /// Mixes into `hasher` everything a document file shows of the entry: its URL (page and
    /// anchor apart, not put together), title, heading, topics and text's digest.
    func combineKey(into hasher: inout ContextHasher) {
        hasher.combine(pageURL)
        hasher.combine(anchor ?? "\u{0}")
        hasher.combine(title)
        hasher.combine(heading)
        hasher.combine(topics.count)
        for topic in topics { hasher.combine(topic) }
        hasher.combine(Int(bitPattern: UInt(body.digest)))
    }

    /// The URL's UTF-8 bytes, put together in `scratch` only for a heading's section.
    func withURLBytes<Result>(
        _ scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        var page = pageURL
        guard var anchor else { return page.withUTF8(body) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: page.utf8)
        scratch.append(UInt8(ascii: "#"))
        anchor.withUTF8 { scratch.append(contentsOf: $0) }
        return scratch.withUnsafeBufferPointer(body)
    }

    private enum CodingKeys: String, CodingKey {
        case url, title, heading, text, topics
    }

    /// Encodes the entry with its text as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(heading, forKey: .heading)
        try container.encode(text, forKey: .text)
        try container.encode(topics, forKey: .topics)
    }
}

/// Builds `search.json`: one entry per page section, from the parsed documents' text.
public struct SearchIndexBuilder: Sendable {
    /// The site's base URL.
    public let baseURL: BaseURL

    /// Creates a builder.
    public init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    /// The entries, in reading order.
    public func entries(tree: SiteTree, topics: TopicIndex) -> [SearchEntry] {
        entries(tree: tree, text: tree.pages.map(\.sections), topics: topics)
    }

    /// The entries, with each page's sections in `text` (in reading order) rather than in the
    /// tree.
    func entries(
        tree: SiteTree, text: [[SearchSection]], topics: TopicIndex, pageURLs: [String]? = nil
    ) -> [SearchEntry] {
        let pageURLs = pageURLs ?? self.pageURLs(tree)
        var entries: [SearchEntry] = []
        entries.reserveCapacity(text.reduce(0) { $0 + $1.count })
        // Pages are read in place: copying one retains every reference it holds.
        tree.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                let pageURL = pageURLs[index]
                let title = pages[index].title
                for section in text[index] {
                    entries.append(
                        SearchEntry(
                            pageURL: pageURL, anchor: section.heading?.id,
                            title: title, heading: section.heading?.text ?? "",
                            body: section.text, topics: topics.pageTopics[index]))
                }
            }
        }
        return entries
    }

    /// Encodes entries as `JSONEncoder` would (sorted keys, slashes unescaped), writing bytes
    /// directly: no intermediate tree, so a 10,000-page index costs only its own size.
    /// Each page's URL, as links and the index name it.
    func pageURLs(_ tree: SiteTree) -> [String] {
        // Pages are read in place: copying one retains every reference it holds.
        tree.pages.withUnsafeBufferPointer { pages in
            pages.indices.map { baseURL.link(LinkResolver.encode(pages[$0].sitePath)) }
        }
    }

    public static func encode(_ entries: [SearchEntry]) -> Data {
        let estimate = entries.reduce(2) {
            $0 + 64 + $1.url.utf8.count + $1.title.utf8.count + $1.heading.utf8.count
                + $1.body.utf8Count + $1.topics.reduce(0) { $0 + $1.utf8.count + 3 }
        }
        var data = Data(capacity: estimate)
        var json = JSONBytes()
        json.raw("[")
        for (index, entry) in entries.enumerated() {
            if index > 0 { json.raw(",") }
            encode(entry, into: &json)
            if json.bytes.count > 1 << 16 {
                data.append(contentsOf: json.bytes)
                json.reset()
            }
        }
        json.raw("]")
        data.append(contentsOf: json.bytes)
        return data
    }

    /// Appends one entry as a JSON object with sorted keys; `text`, when given, stands in for
    /// the entry's text (the split index's document chunks cut it short).
    static func encode(_ entry: SearchEntry, text: SearchText? = nil, into json: inout JSONBytes) {
        json.raw("{\"heading\":")
        json.string(entry.heading)
        json.raw(",\"text\":")
        let written = text ?? entry.body
        // Mapped cache bytes are written through a string, which repairs damaged UTF-8.
        if written.isMapped {
            json.string(written.string)
        } else {
            written.withUTF8 { json.string(utf8: $0) }
        }
        json.raw(",\"title\":")
        json.string(entry.title)
        json.raw(",\"topics\":")
        json.strings(entry.topics)
        json.raw(",\"url\":")
        json.string(entry.url)
        json.raw("}")
    }
}
