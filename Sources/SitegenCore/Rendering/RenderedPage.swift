import SitegenMarkdown

/// A page after its Markdown was rendered: HTML, table of contents, links and search text.
///
/// The values live in one copy-on-write box, so copying a page (into the tree, the cache, a
/// worker's result) retains one reference rather than the dozens its strings and arrays hold.
public struct RenderedPage: Sendable, Equatable {
    private final class Storage: @unchecked Sendable {
        var page: Page
        var title: String
        var summary: String
        var html: [UInt8]
        var headings: [MarkdownHeading]
        var sections: [SearchSection]
        var ids: [String]
        var links: [PageLink]
        var wordCount: Int
        var htmlHash: UInt64
        var storedHTML: StoredHTML?
        var linksAreKnown = false
        var linkDigest: UInt64 = 0
        var storedLinks: StoredLinks?

        init(
            page: Page, title: String, summary: String, html: [UInt8],
            headings: [MarkdownHeading], sections: [SearchSection], ids: [String],
            links: [PageLink], wordCount: Int, htmlHash: UInt64, storedHTML: StoredHTML?
        ) {
            self.page = page
            self.title = title
            self.summary = summary
            self.html = html
            self.headings = headings
            self.sections = sections
            self.ids = ids
            self.links = links
            self.wordCount = wordCount
            self.htmlHash = htmlHash
            self.storedHTML = storedHTML
        }

        func copy() -> Storage {
            let copy = Storage(
                page: page, title: title, summary: summary, html: html, headings: headings,
                sections: sections, ids: ids, links: links, wordCount: wordCount,
                htmlHash: htmlHash, storedHTML: storedHTML)
            copy.linksAreKnown = linksAreKnown
            copy.linkDigest = linkDigest
            copy.storedLinks = storedLinks
            return copy
        }
    }

    private var storage: Storage

    /// Creates a rendered page.
    public init(
        page: Page, title: String, summary: String, html: String, headings: [MarkdownHeading],
        sections: [SearchSection], ids: [String], links: [PageLink], wordCount: Int,
        htmlHash: UInt64 = 0, storedHTML: StoredHTML? = nil
    ) {
        self.init(
            page: page, title: title, summary: summary, htmlBytes: Array(html.utf8),
            headings: headings, sections: sections, ids: ids, links: links,
            wordCount: wordCount, htmlHash: htmlHash, storedHTML: storedHTML)
    }

    /// Creates a rendered page whose HTML is UTF-8 bytes.
    init(
        page: Page, title: String, summary: String, htmlBytes html: [UInt8],
        headings: [MarkdownHeading], sections: [SearchSection], ids: [String],
        links: [PageLink], wordCount: Int, htmlHash: UInt64 = 0, storedHTML: StoredHTML? = nil
    ) {
        storage = Storage(
            page: page, title: title, summary: summary, html: html, headings: headings,
            sections: sections, ids: ids, links: links, wordCount: wordCount,
            htmlHash: htmlHash, storedHTML: storedHTML)
    }

    /// Gives this value a box of its own before it changes one.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The page.
    public var page: Page {
        get { storage.page }
        _modify {
            makeUnique()
            yield &storage.page
        }
    }
    /// Final title: front matter, else the leading h1, else the file name.
    public var title: String {
        get { storage.title }
        _modify {
            makeUnique()
            yield &storage.title
        }
    }
    /// Final summary: front matter, else the first paragraph.
    public var summary: String {
        get { storage.summary }
        _modify {
            makeUnique()
            yield &storage.summary
        }
    }
    /// The body HTML.
    public var html: String {
        get { String(decoding: storage.html, as: UTF8.self) }
        set {
            makeUnique()
            storage.html = Array(newValue.utf8)
        }
    }
    /// The body HTML in UTF-8 bytes, as it goes to the output and the cache.
    var htmlBytes: [UInt8] { storage.html }
    /// Every heading with its id.
    public var headings: [MarkdownHeading] {
        get { storage.headings }
        _modify {
            makeUnique()
            yield &storage.headings
        }
    }
    /// Plain-text sections for the search index.
    public var sections: [SearchSection] {
        get { storage.sections }
        _modify {
            makeUnique()
            yield &storage.sections
        }
    }
    /// Every id the body defines.
    public var ids: [String] {
        get { storage.storedLinks?.decodedIDs ?? storage.ids }
        _modify {
            makeUnique()
            decodeStoredLinks()
            yield &storage.ids
        }
    }
    /// Internal links, resolved.
    public var links: [PageLink] {
        get { storage.storedLinks?.decodedLinks ?? storage.links }
        _modify {
            makeUnique()
            decodeStoredLinks()
            yield &storage.links
        }
    }
    /// Where the build cache keeps `ids` and `links` when they were not decoded; they are
    /// read from there each time they are asked for.
    var storedLinks: StoredLinks? {
        get { storage.storedLinks }
        set {
            makeUnique()
            storage.storedLinks = newValue
            if newValue != nil { (storage.ids, storage.links) = ([], []) }
        }
    }

    /// Decodes `ids` and `links` into the (unique) box before one of them changes.
    private mutating func decodeStoredLinks() {
        guard let stored = storage.storedLinks else { return }
        (storage.ids, storage.links) = (stored.decodedIDs, stored.decodedLinks)
        storage.storedLinks = nil
    }
    /// Words in the body, for reading time.
    public var wordCount: Int {
        get { storage.wordCount }
        _modify {
            makeUnique()
            yield &storage.wordCount
        }
    }
    /// A hash of `html`.
    public var htmlHash: UInt64 {
        get { storage.htmlHash }
        _modify {
            makeUnique()
            yield &storage.htmlHash
        }
    }
    /// Whether every link and id in `html` is known without reading it: the ids are `ids`, and
    /// each link is one of `links` or external, written as it is (no raw HTML, no footnotes,
    /// no byte an attribute would escape), so an output check finds nothing else in the body
    /// and may pass over it. A hint the build cache does not keep (a cached page is scanned),
    /// and which equality ignores.
    public var linksAreKnown: Bool {
        get { storage.linksAreKnown }
        _modify {
            makeUnique()
            yield &storage.linksAreKnown
        }
    }
    /// A digest of everything the Markdown link check reads of this page (`LinkChecker.digest`:
    /// its links and ids), kept by the build cache so a rebuild can tell whether the check's
    /// input changed without hashing every page's links; equality ignores it, as it follows
    /// from them.
    public var linkDigest: UInt64 {
        get { storage.linkDigest }
        _modify {
            makeUnique()
            yield &storage.linkDigest
        }
    }
    /// Where the build cache keeps the HTML when `html` was not loaded (it is then empty).
    public var storedHTML: StoredHTML? {
        get { storage.storedHTML }
        _modify {
            makeUnique()
            yield &storage.storedHTML
        }
    }

    /// The search text, moved out when this value alone holds the page, so it is freed once
    /// the index is built; a page the build cache shares keeps it (taking it would copy the
    /// page and free nothing, as the cache holds the text too).
    mutating func takeSections() -> [SearchSection] {
        let sections = storage.sections
        if isKnownUniquelyReferenced(&storage) { storage.sections = [] }
        return sections
    }

    /// The page's site path, read without copying the whole page value out of the box.
    public var sitePath: String { storage.page.sitePath }
    /// The folder the page lists when it is a section's own page, read in place.
    public var sectionPath: String? { storage.page.sectionPath }

    public static func == (lhs: RenderedPage, rhs: RenderedPage) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.page == rhs.page && lhs.title == rhs.title && lhs.summary == rhs.summary
            && lhs.htmlBytes == rhs.htmlBytes && lhs.headings == rhs.headings
            && lhs.sections == rhs.sections && lhs.ids == rhs.ids && lhs.links == rhs.links
            && lhs.wordCount == rhs.wordCount && lhs.htmlHash == rhs.htmlHash
            && lhs.storedHTML == rhs.storedHTML
    }

    /// The length of the body HTML in bytes, wherever it is kept.
    var contentBytes: Int { storedHTML?.count ?? htmlBytes.count }

    /// The body HTML as templates see it.
    var content: PageContent {
        PageContent(
            inline: storedHTML == nil ? htmlBytes : nil, stored: storedHTML, hash: htmlHash)
    }

    /// The page without its Markdown body, which nothing after rendering reads; diagnostics
    /// read the source file again when they need a line.
    consuming func droppingBody() -> RenderedPage {
        // Consumed, a page just rendered is changed in place rather than copied.
        var copy = self
        copy.page.body = ""
        return copy
    }

    /// The h2 and h3 headings, for the table of contents.
    public var tableOfContents: [MarkdownHeading] {
        headings.filter { $0.level == 2 || $0.level == 3 }
    }
}
