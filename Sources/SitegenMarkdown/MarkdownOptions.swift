/// Options that change how Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Equatable {
    /// Turn straight quotes into curly ones and `--`/`---` into dashes.
    public var smartPunctuation: Bool
    /// Remove a level-1 heading that opens the document and report its text as the title.
    public var extractLeadingTitle: Bool

    /// Creates options; every feature is off by default.
    public init(smartPunctuation: Bool = false, extractLeadingTitle: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.extractLeadingTitle = extractLeadingTitle
    }
}
