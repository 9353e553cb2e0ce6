import Foundation
import SitegenMarkdown

/// Builds the values templates see for each page (documented in `templates/README.md`).
///
/// Contexts are dictionaries, the fastest lookup swift-mustache offers. Every optional value is
/// present as `false` when absent, so a nested section never finds an outer value by accident.
public struct PageContextBuilder: Sendable {
    /// The site configuration.
    public let config: SiteConfig
    /// Pages and sections.
    public let tree: SiteTree
    /// Topics and related pages.
    public let topics: TopicIndex
    /// Navigation trees.
    public let navigation: NavigationBuilder
    /// Each page's URL, computed once.
    let pageURLs: [String]
    /// Each page's `{title, url, summary}` value, built once; immutable after init.
    nonisolated(unsafe) let pageLinks: [[String: Any]]

    /// Theme asset path → URL of its fingerprinted file, keyed for templates (`style_css`).
    let assetURLs: [String: String]
    /// Whether the site has an Atom feed.
    let hasFeed: Bool
    /// What the search script loads first: `search.json`, or the split index's manifest.
    let searchIndexURL: String

    /// Creates a builder; `assets` maps theme asset paths to their final (hashed) paths.
    public init(
        config: SiteConfig, tree: SiteTree, topics: TopicIndex, assets: [String: String] = [:],
        hasFeed: Bool = false
    ) {
        self.config = config
        self.hasFeed = hasFeed
        self.searchIndexURL = config.baseURL.link(
            config.searchSplit.applies(to: tree) ? "search/manifest.json" : "search.json")
        var assetURLs: [String: String] = [:]
        for (original, final) in assets {
            assetURLs[AssetFingerprinter.key(for: original)] = config.baseURL.link(final)
        }
        self.assetURLs = assetURLs
        self.tree = tree
        self.topics = topics
        self.navigation = NavigationBuilder(tree: tree)
        let urls = tree.pages.map { config.baseURL.link(LinkResolver.encode($0.sitePath)) }
        self.pageURLs = urls
        self.pageLinks = tree.pages.indices.map { index in
            [
                "title": tree.pages[index].title, "url": urls[index],
                "summary": tree.pages[index].summary,
            ]
        }
    }

    /// Root-relative URL of a site path.
    func url(_ sitePath: String) -> String { config.baseURL.link(LinkResolver.encode(sitePath)) }

    /// The `site` value.
    var site: [String: Any] {
        [
            "title": config.title, "description": config.description, "language": config.language,
            "author": config.author, "baseURL": config.baseURL.path,
            "repository": config.repository ?? false,
        ]
    }

    /// The navigation of pages that are not in the tree (topics, search, 404): the home level.
    var homeNavigation: [NavigationItem] { navigation.navigation(for: 0) }

    /// The context shared by every page: `site`, `root`, `nav` (from `items`), URLs, assets.
    func common(navigation items: [NavigationItem]) -> [String: Any] {
        [
            "site": site, "root": config.baseURL.path,
            "nav": LazyContextList(count: items.count) {
                navItem(items[$0])
            },
            "homeURL": url(""), "topicsURL": url("topics/"), "searchURL": url("search/"),
            "asset": assetURLs, "feedURL": hasFeed ? url("feed.xml") : false,
            "searchIndexURL": searchIndexURL,
        ]
    }

    /// The full context of page `index`, whose navigation is `items`.
    func context(forPage index: Int, navigation items: [NavigationItem]) -> [String: Any] {
        var context = common(navigation: items)
        context["page"] = page(index)
        return context
    }

    /// A short link value `{title, url, summary}`.
    func link(_ index: Int) -> [String: Any] { pageLinks[index] }

    private func page(_ index: Int) -> [String: Any] {
        tree.pages.withUnsafeBufferPointer { pages in page(index, pages[index]) }
    }

    /// The page's values, read from the tree in place (a copy would retain every reference).
    private func page(_ index: Int, _ rendered: borrowing RenderedPage) -> [String: Any] {
        let matter = rendered.page.frontMatter
        let (previous, next) = tree.neighbours(of: index)
        let children = tree.childPages(of: index).map(link)
        let toc = tableOfContents(rendered.tableOfContents)
        let pageTopics = topics.pageTopics[index].compactMap { topics.bySlug[$0] }.map(topicLink)
        return [
            "title": rendered.title, "summary": rendered.summary,
            "url": pageURLs[index], "content": rendered.content,
            "isSection": rendered.page.isSection, "isHome": index == 0,
            "date": matter.date.map(DateText.readable) ?? false,
            "dateISO": matter.date.map(DateText.day) ?? false,
            "updated": matter.updated.map(DateText.readable) ?? false,
            "updatedISO": matter.updated.map(DateText.day) ?? false,
            "readingTime": max(1, (rendered.wordCount + 219) / 220),
            "topics": pageTopics, "hasTopics": !pageTopics.isEmpty,
            "toc": toc, "hasToc": !toc.isEmpty,
            "breadcrumbs": tree.ancestors(of: index).map(link),
            "hasBreadcrumbs": index != 0,
            "previous": previous.map(link) ?? false, "next": next.map(link) ?? false,
            "related": topics.related[index].map(link),
            "hasRelated": !topics.related[index].isEmpty,
            "children": children, "hasChildren": !children.isEmpty,
            "editURL": editURL(rendered.page) ?? false,
            "canonicalURL": config.baseURL.absolute(LinkResolver.encode(rendered.sitePath))
                ?? false,
        ]
    }

    func topicLink(_ topic: Topic) -> [String: Any] {
        [
            "slug": topic.slug, "title": topic.title, "description": topic.description,
            "url": url("topics/\(topic.slug)/"), "count": topic.pages.count,
            "countLabel": topic.pages.count == 1 ? "1 page" : "\(topic.pages.count) pages",
        ]
    }

    private func navItem(_ item: NavigationItem) -> [String: Any] {
        let url = pageURLs[item.page]
        return [
            "title": tree.pages[item.page].title, "url": url,
            "current": item.isCurrent, "ancestor": item.isAncestor,
            "children": item.children.map(navItem), "hasChildren": !item.children.isEmpty,
            "more": item.truncated ? url : false,
        ]
    }

    private func tableOfContents(_ headings: [MarkdownHeading]) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var pending: [String: Any]?
        var children: [[String: Any]] = []
        func flush() {
            guard var entry = pending else { return }
            entry["children"] = children
            entry["hasChildren"] = !children.isEmpty
            entries.append(entry)
            pending = nil
            children = []
        }
        for heading in headings {
            let entry: [String: Any] = [
                "id": heading.id, "title": heading.text, "children": [Any](), "hasChildren": false,
            ]
            if heading.level == 3, pending != nil {
                children.append(entry)
            } else {
                flush()
                pending = entry
            }
        }
        flush()
        return entries
    }

    private func editURL(_ page: Page) -> String? {
        guard let repository = config.repository, let source = page.sourcePath else { return nil }
        let base = repository.hasSuffix("/") ? String(repository.dropLast()) : repository
        return "\(base)/edit/main/content/\(source)"
    }
}
