import Foundation
import SitegenMarkdown

/// Builds the topic index from pages and the declared vocabulary.
///
/// Related pages come from a topic → pages map, never from comparing all pairs of pages.
public struct TopicIndexBuilder: Sendable {
    /// Declared topics.
    public let config: SiteConfig
    /// Most related pages per page.
    public let relatedLimit: Int

    /// Creates a builder.
    public init(config: SiteConfig, relatedLimit: Int = 5) {
        self.config = config
        self.relatedLimit = relatedLimit
    }

    /// `Django ORM` → `django-orm`.
    public static func slug(_ name: String) -> String {
        HeadingSlugger.slug(name.trimmingCharacters(in: .whitespaces))
    }

    /// Builds the index; undeclared topics warn when a vocabulary exists.
    public func build(_ tree: SiteTree) -> (TopicIndex, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var declared: [String: TopicDefinition] = [:]
        for topic in config.topics { declared[Self.slug(topic.slug)] = topic }
        var pagesByTopic: [String: [Int]] = [:]
        var pageTopics: [[String]] = []
        for (index, rendered) in tree.pages.enumerated() {
            var slugs: [String] = []
            for name in rendered.page.frontMatter.topics {
                let slug = Self.slug(name)
                guard !slug.isEmpty, !slugs.contains(slug) else { continue }
                if config.declaresTopics && declared[slug] == nil {
                    diagnostics.append(
                        .warning(
                            SourceLocation(
                                path: rendered.page.diagnosticPath,
                                line: rendered.page.frontMatter.lines["topics"] ?? 0, column: 1),
                            "topic '\(name)' is not declared in sitegen.yml"))
                }
                slugs.append(slug)
                pagesByTopic[slug, default: []].append(index)
            }
            pageTopics.append(slugs)
        }
        let topics = pagesByTopic.keys.map { slug in
            Topic(
                slug: slug, title: declared[slug]?.title ?? slug,
                description: declared[slug]?.description ?? "", pages: pagesByTopic[slug] ?? [])
        }.sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
        let related = pageTopics.indices.map { relatedPages(of: $0, pageTopics, pagesByTopic) }
        let bySlug = Dictionary(uniqueKeysWithValues: topics.map { ($0.slug, $0) })
        return (
            TopicIndex(topics: topics, pageTopics: pageTopics, related: related, bySlug: bySlug),
            diagnostics
        )
    }

    private func relatedPages(
        of index: Int, _ pageTopics: [[String]], _ pagesByTopic: [String: [Int]]
    ) -> [Int] {
        var shared: [Int: Int] = [:]
        for slug in pageTopics[index] {
            for other in pagesByTopic[slug] ?? [] where other != index {
                shared[other, default: 0] += 1
            }
        }
        return shared.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(relatedLimit).map(
            \.key)
    }
}
