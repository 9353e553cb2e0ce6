import SitegenMarkdown

/// A page after its Markdown was rendered: HTML, table of contents, links and search text.
public struct RenderedPage: Sendable, Equatable {
    /// The page.
    public var page: Page
    /// Final title: front matter, else the leading h1, else the file name.
    public var title: String
    /// Final summary: front matter, else the first paragraph.
    public var summary: String
    /// The body HTML.
    public var html: String
    /// Every heading with its id.
    public var headings: [MarkdownHeading]
    /// Plain-text sections for the search index.
    public var sections: [MarkdownTextSection]
    /// Every id the body defines.
    public var ids: [String]
    /// Internal links, resolved.
    public var links: [PageLink]
    /// Words in the body, for reading time.
    public var wordCount: Int
    /// A hash of `html`.
    public var htmlHash: UInt64 = 0
    /// Where the build cache keeps the HTML when `html` was not loaded (it is then empty).
    public var storedHTML: StoredHTML?

    /// The body HTML as templates see it.
    var content: PageContent {
        PageContent(inline: storedHTML == nil ? html : nil, stored: storedHTML, hash: htmlHash)
    }

    /// The page without its Markdown body, which nothing after rendering reads; diagnostics
    /// read the source file again when they need a line.
    func droppingBody() -> RenderedPage {
        var copy = self
        copy.page.body = ""
        return copy
    }

    /// The h2 and h3 headings, for the table of contents.
    public var tableOfContents: [MarkdownHeading] {
        headings.filter { $0.level == 2 || $0.level == 3 }
    }
}
