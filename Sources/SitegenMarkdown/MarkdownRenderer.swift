/// Renders GitHub Flavored Markdown to HTML with heading ids, links and plain-text sections.
///
/// Safe to use from many threads at once.
public struct MarkdownRenderer: Sendable {
    /// The options every render uses.
    public let options: MarkdownOptions

    /// Creates a renderer.
    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders `markdown`; `rewriteLink` may return a new destination for a link or image.
    public func render(
        _ markdown: String, rewriteLink: ((MarkdownLink) -> String?)? = nil
    ) -> RenderedMarkdown {
        CmarkDocument.render(markdown, options: options, rewriteLink: rewriteLink)
    }
}
