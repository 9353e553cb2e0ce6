@testable import SitegenCore

/// Builds small sites in memory for unit tests.
enum PageFactory {
    /// A site from `path: front matter + body` sources, rendered and ordered.
    static func tree(_ sources: [String: String], config: SiteConfig = SiteConfig()) -> SiteTree {
        let files = sources.keys.sorted().map { SourceFile(path: $0, text: sources[$0] ?? "") }
        let (pages, _) = PageCollector(includeDrafts: false).collect(files)
        let renderer = PageRenderer(
            options: config.markdown, resolver: LinkResolver(pages: pages, baseURL: config.baseURL))
        return SiteTree(pages: pages.map(renderer.render))
    }

    /// Front matter text for a page.
    static func page(_ title: String, weight: Int? = nil, topics: [String] = []) -> String {
        var text = "---\ntitle: \(title)\n"
        if let weight { text += "weight: \(weight)\n" }
        if !topics.isEmpty { text += "topics: [\(topics.joined(separator: ", "))]\n" }
        return text + "---\nBody of \(title).\n"
    }

    /// The titles of pages by index.
    static func titles(_ tree: SiteTree, _ indices: [Int]) -> [String] {
        indices.map { tree.pages[$0].title }
    }
}
