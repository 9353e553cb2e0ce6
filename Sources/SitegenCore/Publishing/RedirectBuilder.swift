import Foundation

/// Turns `aliases:` into redirect pages at the old URLs (meta refresh and canonical link).
public struct RedirectBuilder: Sendable {
    /// The site's base URL.
    public let baseURL: BaseURL

    /// Creates a builder.
    public init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    /// One redirect file per alias; an alias that collides with a page or another alias is an error.
    public func redirects(_ tree: SiteTree, taken: Set<String>) -> ([OutputFile], [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var used = taken
        for index in tree.pages.indices where !tree.pages[index].page.frontMatter.aliases.isEmpty {
            let rendered = tree.pages[index]
            let sitePath = LinkResolver.encode(rendered.sitePath)
            let target = baseURL.link(sitePath)
            let canonical = baseURL.absolute(sitePath) ?? target
            let location = SourceLocation(
                path: rendered.page.diagnosticPath,
                line: rendered.page.frontMatter.lines["aliases"] ?? 0,
                column: 1)
            for alias in rendered.page.frontMatter.aliases {
                let path = Self.outputPath(alias)
                guard used.insert(path).inserted else {
                    diagnostics.append(
                        .error(
                            location,
                            "alias '\(alias)' collides with another page or alias at /\(path)"))
                    continue
                }
                files.append(
                    OutputFile(
                        path: path,
                        contents: .data(Data(page(to: target, canonical: canonical).utf8))))
            }
        }
        return (files, diagnostics)
    }

    /// `/old/page/` or `old/page` → `old/page/index.html`; `old.html` stays a file.
    static func outputPath(_ alias: String) -> String {
        let trimmed = alias.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        if trimmed.hasSuffix(".html") { return trimmed }
        return trimmed.isEmpty ? "index.html" : trimmed + "/index.html"
    }

    private func page(to target: String, canonical: String) -> String {
        let escaped = XMLText.escape(target)
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Redirecting…</title>
            <link rel="canonical" href="\(XMLText.escape(canonical))">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(escaped)">
            </head>
            <body>
            <p>This page has moved to <a href="\(escaped)">\(escaped)</a>.</p>
            </body>
            </html>

            """
    }
}
