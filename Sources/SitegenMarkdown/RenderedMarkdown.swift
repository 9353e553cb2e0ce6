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
    /// How many words `text` has (see `countWords`).
    public var wordCount: Int

    /// Creates a section; `wordCount`, when the caller counted as it built the text, must be
    /// what `countWords(text)` gives.
    public init(heading: MarkdownHeading?, text: String, wordCount: Int? = nil) {
        self.heading = heading
        self.text = text
        self.wordCount = wordCount ?? Self.countWords(text)
    }

    /// Counts runs of bytes other than a space, line feed or tab.
    public static func countWords(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for byte in bytes {
                let space = byte == 0x20 || byte == 0x0A || byte == 0x09
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
    }
}

/// Everything a page needs from its Markdown body.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The body as HTML, in UTF-8 bytes as cmark wrote them (no string is made: nothing
    /// on the way to the output reads it as text).
    public var htmlBytes: [UInt8]
    /// The body as HTML.
    public var html: String {
        get { String(decoding: htmlBytes, as: UTF8.self) }
        set { htmlBytes = Array(newValue.utf8) }
    }
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
    /// Whether the body holds raw HTML.
    public var hasRawHTML = false
    /// Whether the body references a footnote.
    public var hasFootnotes = false

    /// Creates a rendered document.
    public init(
        html: String, headings: [MarkdownHeading], links: [MarkdownLink],
        sections: [MarkdownTextSection], leadingTitle: String?, firstParagraph: String?,
        ids: [String]
    ) {
        self.htmlBytes = Array(html.utf8)
        self.headings = headings
        self.links = links
        self.sections = sections
        self.leadingTitle = leadingTitle
        self.firstParagraph = firstParagraph
        self.ids = ids
    }
}
