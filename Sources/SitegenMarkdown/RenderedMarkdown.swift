/// A heading found in a document, with the unique id it was given.
public struct MarkdownHeading: Sendable, Equatable {
    /// Heading level, 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The unique, GitHub-style id written on the heading element.
    public var id: String
    /// One-based line of the heading in the Markdown source.
    public var line: Int

    /// Creates a heading.
    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A link or image destination as written in the Markdown source.
public struct MarkdownLink: Sendable, Equatable {
    /// The destination exactly as written.
    public var destination: String
    /// One-based line of the link in the Markdown source.
    public var line: Int
    /// One-based column of the link in the Markdown source.
    public var column: Int
    /// Whether this is an image rather than a link.
    public var isImage: Bool

    /// Creates a link.
    public init(destination: String, line: Int, column: Int, isImage: Bool) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
    }
}

/// The plain text of one part of a document: before the first h2, or under one h2 or h3.
public struct MarkdownTextSection: Sendable, Equatable {
    /// The heading that opens the section; nil for the text before the first h2.
    public var heading: MarkdownHeading?
    /// The section's plain text, white space collapsed.
    public var text: String

    /// Creates a section.
    public init(heading: MarkdownHeading?, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// Everything a page needs from its Markdown body.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The body as HTML.
    public var html: String
    /// Every heading, in document order.
    public var headings: [MarkdownHeading]
    /// Every link and image, in document order.
    public var links: [MarkdownLink]
    /// Plain-text sections for search, in document order.
    public var sections: [MarkdownTextSection]
    /// Text of the leading h1 removed by `extractLeadingTitle`, if any.
    public var leadingTitle: String?
    /// Plain text of the first paragraph, if any.
    public var firstParagraph: String?
    /// Every `id` the body's HTML defines (headings and footnotes).
    public var ids: [String]

    /// Creates a rendered document.
    public init(
        html: String, headings: [MarkdownHeading], links: [MarkdownLink],
        sections: [MarkdownTextSection], leadingTitle: String?, firstParagraph: String?,
        ids: [String]
    ) {
        self.html = html
        self.headings = headings
        self.links = links
        self.sections = sections
        self.leadingTitle = leadingTitle
        self.firstParagraph = firstParagraph
        self.ids = ids
    }
}
