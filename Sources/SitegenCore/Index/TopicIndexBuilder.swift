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
        func isPlainEnd(_ byte: UInt8?) -> Bool {
            guard let byte else { return true }
            return byte > 0x20 && byte < 0x80
        }
        // Trimming (Foundation) only when an end could be white space.
        let trimmed =
            isPlainEnd(name.utf8.first) && isPlainEnd(name.utf8.last)
            ? name : name.trimmingCharacters(in: .whitespaces)
        return HeadingSlugger.slug(trimmed)
    }

    /// Builds the index; undeclared topics warn when a vocabulary exists.
    public func build(_ tree: SiteTree) -> (TopicIndex, [Diagnostic]) {
        var (index, diagnostics) = build(tree, relating: false)
        relate(&index)
        return (index, diagnostics)
    }

    /// A hash of everything related pages are found from: every page's topics, in order.
    func relatedKey(_ index: TopicIndex) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(relatedLimit)
        hasher.combine(index.pageTopics.count)
        for slugs in index.pageTopics {
            hasher.combine(slugs.count)
            for slug in slugs { hasher.combine(slug) }
        }
        return hasher.value
    }

    /// Fills in each page's related pages, the costly part, which `build(_:relating:)` can
    /// leave for later (the search index does not need them).
    func relate(_ index: inout TopicIndex) {
        var pagesByTopic: [String: [Int]] = [:]
        for topic in index.topics { pagesByTopic[topic.slug] = topic.pages }
        index.related = relatedPages(index.pageTopics, pagesByTopic)
    }

    /// Builds the index without related pages unless `relating`.
    func build(_ tree: SiteTree, relating: Bool) -> (TopicIndex, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var declared: [String: TopicDefinition] = [:]
        for topic in config.topics { declared[Self.slug(topic.slug)] = topic }
        // Each topic name is slugged once, and numbered: 10,000 pages name a few hundred
        // topics 25,000 times.
        var numberOfName: [String: Int] = [:]
        var numberOfSlug: [String: Int] = [:]
        var slugs: [String] = []
        var pagesOfTopic: [[Int]] = []
        var pageTopics: [[String]] = []
        pageTopics.reserveCapacity(tree.pages.count)
        for (index, rendered) in tree.pages.enumerated() {
            var numbers: [Int] = []
            for name in rendered.page.frontMatter.topics {
                let number: Int
                if let known = numberOfName[name] {
                    number = known
                } else {
                    let slug = Self.slug(name)
                    if slug.isEmpty {
                        number = -1
                    } else if let known = numberOfSlug[slug] {
                        number = known
                    } else {
                        number = slugs.count
                        numberOfSlug[slug] = number
                        slugs.append(slug)
                        pagesOfTopic.append([])
                    }
                    numberOfName[name] = number
                }
                guard number >= 0, !numbers.contains(number) else { continue }
                if config.declaresTopics && declared[slugs[number]] == nil {
                    diagnostics.append(
                        .warning(
                            SourceLocation(
                                path: rendered.page.diagnosticPath,
                                line: rendered.page.frontMatter.lines["topics"] ?? 0, column: 1),
                            "topic '\(name)' is not declared in sitegen.yml"))
                }
                numbers.append(number)
                pagesOfTopic[number].append(index)
            }
            pageTopics.append(numbers.map { slugs[$0] })
        }
        let pagesByTopic = Dictionary(uniqueKeysWithValues: zip(slugs, pagesOfTopic))
        let topics = pagesByTopic.keys.map { slug in
            Topic(
                slug: slug, title: declared[slug]?.title ?? slug,
                description: declared[slug]?.description ?? "", pages: pagesByTopic[slug] ?? [])
        }.sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
        let related = relating ? relatedPages(pageTopics, pagesByTopic) : []
        let bySlug = Dictionary(uniqueKeysWithValues: topics.map { ($0.slug, $0) })
        return (
            TopicIndex(topics: topics, pageTopics: pageTopics, related: related, bySlug: bySlug),
            diagnostics
        )
    }

    /// Up to `relatedLimit` related pages for every page, on all cores. Shared-topic counts go
    /// into a scratch array per worker; only the best few are kept while scanning, so no page's
    /// candidates are ever sorted.
    ///
    /// Pages with the same topics have the same candidates but themselves, so each set of
    /// topics is ranked once, keeping one page more than the limit, and each page drops itself
    /// from its set's list (it shares every topic with itself, so it is in that list unless
    /// `relatedLimit + 1` pages rank before it, and then the first `relatedLimit` are its own).
    func relatedPages(_ pageTopics: [[String]], _ pagesByTopic: [String: [Int]]) -> [[Int]] {
        var groups: [[String]: Int] = [:]
        var sets: [[String]] = []
        let groupOf = pageTopics.map { topics -> Int in
            let key = topics.sorted()
            if let known = groups[key] { return known }
            groups[key] = sets.count
            sets.append(key)
            return sets.count - 1
        }
        let limit = relatedLimit
        let ranked = Self.rank(sets, pagesByTopic, pageCount: pageTopics.count, keep: limit + 1)
        return groupOf.indices.map { page in
            Array(ranked[groupOf[page]].lazy.filter { $0 != page }.prefix(limit))
        }
    }

    /// For each set of topics, the `keep` best pages having any of them (the most shared first,
    /// then reading order), on all cores.
    private static func rank(
        _ sets: [[String]], _ pagesByTopic: [String: [Int]], pageCount: Int, keep: Int
    ) -> [[Int]] {
        let chunkSize = 256
        let chunks = Array(stride(from: 0, to: sets.count, by: chunkSize))
        return chunks.parallelMap { start -> [[Int]] in
            var shared = [Int32](repeating: 0, count: pageCount)
            var touched: [Int] = []
            var result: [[Int]] = []
            // Counts are kept through a buffer: millions of increments, each bounds- and
            // uniqueness-checked through the array, were most of the stage.
            shared.withUnsafeMutableBufferPointer { shared in
                for set in sets[start..<min(start + chunkSize, sets.count)] {
                    for slug in set {
                        pagesByTopic[slug]?.withUnsafeBufferPointer { pages in
                            for other in pages {
                                if shared[other] == 0 { touched.append(other) }
                                shared[other] &+= 1
                            }
                        }
                    }
                    result.append(
                        best(of: touched, shared: UnsafeBufferPointer(shared), keep: keep))
                    for page in touched { shared[page] = 0 }
                    touched.removeAll(keepingCapacity: true)
                }
            }
            return result
        }.flatMap { $0 }
    }

    /// The `keep` best of `pages` by their `shared` counts, best first.
    private static func best(
        of pages: [Int], shared: UnsafeBufferPointer<Int32>, keep: Int
    ) -> [Int] {
        var best: [(shared: Int32, page: Int)] = []
        best.reserveCapacity(keep + 1)
        for page in pages {
            let candidate = (shared: shared[page], page: page)
            guard best.count < keep || Self.ranksBefore(candidate, best[best.count - 1])
            else { continue }
            let position = best.firstIndex { Self.ranksBefore(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > keep { best.removeLast() }
        }
        return best.map(\.page)
    }

    /// More shared topics first, then reading order.
    private static func ranksBefore(
        _ lhs: (shared: Int32, page: Int), _ rhs: (shared: Int32, page: Int)
    ) -> Bool {
        lhs.shared != rhs.shared ? lhs.shared > rhs.shared : lhs.page < rhs.page
    }
}
