import SitegenMarkdown

/// Renders one page's Markdown: rewrites links, gives headings ids, collects search text.
public struct PageRenderer: Sendable {
    /// Markdown options from the config.
    public let options: MarkdownOptions
    /// Link rewriting for this site.
    public let resolver: LinkResolver

    /// Creates a renderer.
    public init(options: MarkdownOptions, resolver: LinkResolver) {
        self.options = options
        self.resolver = resolver
    }

    /// Renders a page.
    public func render(_ page: Page) -> RenderedPage {
        var markdownOptions = options
        markdownOptions.extractLeadingTitle = page.frontMatter.title == nil
        var links: [PageLink] = []
        let origin = LinkResolver.Origin(page)
        let rendered = MarkdownRenderer(options: markdownOptions).render(page.body) { link in
            guard let target = resolver.resolve(link.destination, from: origin) else { return nil }
            let location = SourceLocation(
                path: page.diagnosticPath, line: link.line + page.bodyLineOffset,
                column: link.column)
            links.append(
                PageLink(destination: link.destination, location: location, target: target))
            return target.href
        }
        let title = page.frontMatter.title ?? rendered.leadingTitle ?? page.fallbackTitle
        let summary = page.frontMatter.summary ?? Self.shorten(rendered.firstParagraph ?? "")
        let words = rendered.sections.reduce(0) { $0 + $1.wordCount }
        var hasher = ContextHasher()
        hasher.combine(rendered.html)
        return RenderedPage(
            page: page, title: title, summary: summary, html: rendered.html,
            headings: rendered.headings, sections: rendered.sections.map(SearchSection.init),
            ids: rendered.ids,
            links: links, wordCount: words, htmlHash: hasher.value)
    }

    /// Cuts text to about 300 characters at a word boundary.
    static func shorten(_ text: String, limit: Int = 300) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
