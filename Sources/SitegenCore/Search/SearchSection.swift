import SitegenMarkdown

/// One section of a page's search text: the heading it falls under (none before the first
/// h2) and its plain text.
public struct SearchSection: Sendable, Equatable {
    /// The heading, or nil for the text before the first one.
    public var heading: MarkdownHeading?
    /// The section's plain text.
    public var text: SearchText

    /// Creates a section.
    public init(heading: MarkdownHeading?, text: SearchText) {
        self.heading = heading
        self.text = text
    }

    /// The section as the Markdown renderer made it.
    public init(_ section: MarkdownTextSection) {
        self.init(heading: section.heading, text: SearchText(hashing: section.text))
    }
}
