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
        var linksAreKnown = true
        let origin = LinkResolver.Origin(page)
        let rendered = MarkdownRenderer(options: markdownOptions).render(page.body) { link in
            guard let target = resolver.resolve(link.destination, from: origin) else {
                // Left as written: known when the output check passes it by (external).
                linksAreKnown =
                    linksAreKnown && Self.isVerbatimHref(link.destination)
                    && (LinkResolver.isExternal(link.destination)
                        || link.destination.hasPrefix("data:"))
                return nil
            }
            linksAreKnown = linksAreKnown && Self.isVerbatimHref(target.href)
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
        rendered.htmlBytes.withUnsafeBufferPointer { hasher.combine(utf8: $0) }
        var result = RenderedPage(
            page: page, title: title, summary: summary, htmlBytes: rendered.htmlBytes,
            headings: rendered.headings, sections: rendered.sections.map(SearchSection.init),
            ids: rendered.ids,
            links: links, wordCount: words, htmlHash: hasher.value)
        result.linksAreKnown =
            linksAreKnown && !rendered.hasRawHTML && !rendered.hasFootnotes
            && rendered.ids.allSatisfy(Self.isVerbatimID)
        result.linkDigest = LinkChecker.digest(links: links, ids: rendered.ids)
        return result
    }

    /// Whether cmark writes `href` into an attribute byte for byte, and an HTML scan reads it
    /// back unchanged: only the bytes cmark's href escaper keeps (no `&` or `'`, which it turns
    /// into entities, nothing it percent-encodes).
    static func isVerbatimHref(_ href: String) -> Bool {
        href.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
                UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"),
                UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="),
                UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"),
                UInt8(ascii: "~"):
                true
            default: false
            }
        }
    }

    /// Whether a heading id is written and read back unchanged, and names itself in a `#` link
    /// without decoding: no quote, `&`, `%`, angle bracket, space or control byte.
    static func isVerbatimID(_ id: String) -> Bool {
        id.utf8.allSatisfy { byte in
            byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
                && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "%")
                && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
        }
    }

    /// Cuts text to about 300 characters at a word boundary.
    static func shorten(_ text: String, limit: Int = 300) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
