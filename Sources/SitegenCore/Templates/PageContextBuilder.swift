import Foundation
import SitegenMarkdown

/// Builds the values templates see for each page (documented in `templates/README.md`).
///
/// Contexts are maps of `TemplateValue`s. Every optional value is present as `false` when
/// absent, so a nested section never finds an outer value by accident.
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
    /// Each page's `{title, url, summary}` value, built once when a page is first templated (a
    /// rebuild that templates one page of 10,000 needs one or two of them).
    private let links: OnceValue<[TemplateValue]>

    /// Each page's `{title, url, summary}` value.
    var pageLinks: [TemplateValue] { links.value }

    /// Theme asset path → URL of its fingerprinted file, keyed for templates (`style_css`).
    let assetURLs: [String: String]
    /// The same, as templates see them.
    let assetValue: TemplateValue
    /// Whether the site has an Atom feed.
    let hasFeed: Bool
    /// What the search script loads first: `search.json`, or the split index's manifest.
    let searchIndexURL: String

    /// Creates a builder; `assets` maps theme asset paths to their final (hashed) paths.
    public init(
        config: SiteConfig, tree: SiteTree, topics: TopicIndex, assets: [String: String] = [:],
        hasFeed: Bool = false
    ) {
        self.init(
            config: config, tree: tree, topics: topics, assets: assets, hasFeed: hasFeed,
            pageURLs: SearchIndexBuilder(baseURL: config.baseURL).pageURLs(tree))
    }

    /// Creates a builder with each page's URL already made (`SearchIndexBuilder.pageURLs`).
    init(
        config: SiteConfig, tree: SiteTree, topics: TopicIndex, assets: [String: String],
        hasFeed: Bool, pageURLs urls: [String]
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
        self.assetValue = .map(assetURLs.mapValues(TemplateValue.string))
        self.tree = tree
        self.topics = topics
        self.navigation = NavigationBuilder(tree: tree)
        self.pageURLs = urls
        self.links = OnceValue {
            tree.pages.indices.map { Self.makeLink($0, tree: tree, urls: urls) }
        }
    }

    /// Page `index`'s `{title, url, summary}` value.
    private static func makeLink(_ index: Int, tree: SiteTree, urls: [String]) -> TemplateValue {
        tree.pages.withUnsafeBufferPointer { pages in
            .map([
                "title": .string(pages[index].title), "url": .string(urls[index]),
                "summary": .string(pages[index].summary),
            ])
        }
    }

    /// Root-relative URL of a site path.
    func url(_ sitePath: String) -> String { config.baseURL.link(LinkResolver.encode(sitePath)) }

    /// Root-relative URLs that templates put on many pages besides the pages' own: theme
    /// assets, the topic pages, search and the feed. A link check's memo starts with their
    /// verdicts too, so no worker copies the shared memo to add them.
    var sharedURLs: [String] {
        assetURLs.values.sorted() + [url("topics/"), url("search/")]
            + (hasFeed ? [url("feed.xml")] : [])
            + topics.topics.map { url("topics/\($0.slug)/") }
    }

    /// The `site` value.
    var site: TemplateValue {
        .map([
            "title": .string(config.title), "description": .string(config.description),
            "language": .string(config.language), "author": .string(config.author),
            "baseURL": .string(config.baseURL.path), "repository": .text(config.repository),
        ])
    }

    /// The navigation of pages that are not in the tree (topics, search, 404): the home level.
    var homeNavigation: [NavigationItem] { navigation.navigation(for: 0) }

    /// The context shared by every page: `site`, `root`, `nav` (from `items`), URLs, assets.
    func common(navigation items: [NavigationItem]) -> [String: TemplateValue] {
        [
            "site": site, "root": .string(config.baseURL.path),
            "nav": .lazyList(LazyContextList(count: items.count) { navItem(items[$0]) }),
            "homeURL": .string(url("")), "topicsURL": .string(url("topics/")),
            "searchURL": .string(url("search/")), "asset": assetValue,
            "feedURL": hasFeed ? .string(url("feed.xml")) : .bool(false),
            "searchIndexURL": .string(searchIndexURL),
        ]
    }

    /// The full context of page `index`, whose navigation is `items`. With `sharedLinks` the
    /// links to other pages come from values made once for every page; without, each is made
    /// as it is needed (a rebuild that templates a page or two then makes a few, not 10,000).
    func context(
        forPage index: Int, navigation items: [NavigationItem], sharedLinks: Bool = true
    ) -> [String: TemplateValue] {
        var context = common(navigation: items)
        context["page"] = tree.pages.withUnsafeBufferPointer { pages in
            page(index, pages[index], sharedLinks: sharedLinks)
        }
        return context
    }

    /// A short link value `{title, url, summary}`.
    func link(_ index: Int) -> TemplateValue { pageLinks[index] }

    /// The page's values, read from the tree in place (a copy would retain every reference).
    private func page(_ index: Int, _ rendered: borrowing RenderedPage, sharedLinks: Bool)
        -> TemplateValue
    {
        let matter = rendered.page.frontMatter
        let (previous, next) = tree.neighbours(of: index)
        // Closures, not method references: a method reference copies the whole builder.
        let (tree, urls) = (self.tree, pageURLs)
        let shared = sharedLinks ? pageLinks : []
        let link = { (page: Int) -> TemplateValue in
            sharedLinks ? shared[page] : Self.makeLink(page, tree: tree, urls: urls)
        }
        let children = tree.childPages(of: index).map(link)
        let toc = tableOfContents(rendered.tableOfContents)
        // Built per page: values shared between workers had their reference counts contended.
        let pageTopics = topics.pageTopics[index].compactMap { topics.bySlug[$0] }.map {
            topicLink($0)
        }
        return .map([
            "title": .string(rendered.title), "summary": .string(rendered.summary),
            "url": .string(pageURLs[index]), "content": .content(rendered.content),
            "isSection": .bool(rendered.page.isSection), "isHome": .bool(index == 0),
            "date": .text(matter.date.map(DateText.readable)),
            "dateISO": .text(matter.date.map(DateText.day)),
            "updated": .text(matter.updated.map(DateText.readable)),
            "updatedISO": .text(matter.updated.map(DateText.day)),
            "readingTime": .int(max(1, (rendered.wordCount + 219) / 220)),
            "topics": .list(pageTopics), "hasTopics": .bool(!pageTopics.isEmpty),
            "toc": .list(toc), "hasToc": .bool(!toc.isEmpty),
            "breadcrumbs": .list(tree.ancestors(of: index).map(link)),
            "hasBreadcrumbs": .bool(index != 0),
            "previous": previous.map(link) ?? .bool(false),
            "next": next.map(link) ?? .bool(false),
            "related": .list(topics.related[index].map(link)),
            "hasRelated": .bool(!topics.related[index].isEmpty),
            "children": .list(children), "hasChildren": .bool(!children.isEmpty),
            "editURL": .text(editURL(rendered.page)),
            "canonicalURL": .text(config.baseURL.absolute(LinkResolver.encode(rendered.sitePath))),
        ])
    }

    /// A topic's link value.
    func topicLink(_ topic: Topic) -> TemplateValue { .map(topicFields(topic)) }

    /// A topic's values, for a topic page to add its pages to.
    func topicFields(_ topic: Topic) -> [String: TemplateValue] {
        [
            "slug": .string(topic.slug), "title": .string(topic.title),
            "description": .string(topic.description),
            "url": .string(url("topics/\(topic.slug)/")), "count": .int(topic.pages.count),
            "countLabel": .string(
                topic.pages.count == 1 ? "1 page" : "\(topic.pages.count) pages"),
        ]
    }

    private func navItem(_ item: NavigationItem) -> TemplateValue {
        let url = pageURLs[item.page]
        return .map([
            "title": .string(tree.pages[item.page].title), "url": .string(url),
            "current": .bool(item.isCurrent), "ancestor": .bool(item.isAncestor),
            "children": .list(item.children.map(navItem)),
            "hasChildren": .bool(!item.children.isEmpty),
            "more": item.truncated ? .string(url) : .bool(false),
        ])
    }

    private func tableOfContents(_ headings: [MarkdownHeading]) -> [TemplateValue] {
        var entries: [TemplateValue] = []
        var pending: [String: TemplateValue]?
        var children: [TemplateValue] = []
        func flush() {
            guard var entry = pending else { return }
            entry["children"] = .list(children)
            entry["hasChildren"] = .bool(!children.isEmpty)
            entries.append(.map(entry))
            pending = nil
            children = []
        }
        for heading in headings {
            let entry: [String: TemplateValue] = [
                "id": .string(heading.id), "title": .string(heading.text), "children": .list([]),
                "hasChildren": .bool(false),
            ]
            if heading.level == 3, pending != nil {
                children.append(.map(entry))
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
