/// Options that change how Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Equatable {
    /// Turn straight quotes into curly ones and `--`/`---` into dashes.
    public var smartPunctuation: Bool
    /// Remove a level-1 heading that opens the document and report its text as the title.
    public var extractLeadingTitle: Bool
    /// Highlight fenced code in the languages `SyntaxHighlighter` knows.
    public var highlightCode: Bool

    /// Creates options: smart punctuation and title extraction off, highlighting on.
    public init(
        smartPunctuation: Bool = false, extractLeadingTitle: Bool = false,
        highlightCode: Bool = true
    ) {
        self.smartPunctuation = smartPunctuation
        self.extractLeadingTitle = extractLeadingTitle
        self.highlightCode = highlightCode
    }
}
