import Testing

@testable import SitegenCore

@Suite struct TopicIndexBuilderTests {
    static let site = [
        "index.md": PageFactory.page("Home"),
        "a.md": PageFactory.page("A", topics: ["cache", "redis", "django"]),
        "b.md": PageFactory.page("B", topics: ["cache", "redis"]),
        "c.md": PageFactory.page("C", topics: ["cache"]),
        "d.md": PageFactory.page("D", topics: ["Redis", "django"]),
        "e.md": PageFactory.page("E", topics: ["other"]),
    ]

    @Test func withoutADeclaredMapTopicsFallBackToTheirSlugAndNeverWarn() {
        let tree = PageFactory.tree(Self.site)
        let (index, diagnostics) = TopicIndexBuilder(config: SiteConfig()).build(tree)
        #expect(diagnostics.isEmpty)
        #expect(index.topics.map(\.slug) == ["cache", "django", "other", "redis"])
        #expect(index.topics.map(\.title) == ["cache", "django", "other", "redis"])
        #expect(
            index.bySlug["redis"].map { PageFactory.titles(tree, $0.pages) } == ["A", "B", "D"])
    }

    @Test func aDeclaredMapGivesTitlesAndWarnsAboutOtherTopics() {
        var config = SiteConfig()
        config.declaresTopics = true
        config.topics = [
            TopicDefinition(slug: "cache", title: "Caching", description: "Keeping copies."),
            TopicDefinition(slug: "redis", title: "Redis", description: ""),
            TopicDefinition(slug: "django", title: "Django", description: ""),
        ]
        let tree = PageFactory.tree(Self.site)
        let (index, diagnostics) = TopicIndexBuilder(config: config).build(tree)
        #expect(index.bySlug["cache"]?.title == "Caching")
        #expect(index.bySlug["cache"]?.description == "Keeping copies.")
        #expect(
            diagnostics.map(\.description) == [
                "content/e.md:3:1: warning: topic 'other' is not declared in sitegen.yml"
            ])
    }

    @Test func relatedPagesPutMostSharedTopicsFirst() throws {
        let tree = PageFactory.tree(Self.site)
        let (index, _) = TopicIndexBuilder(config: SiteConfig()).build(tree)
        let a = try #require(tree.pages.firstIndex { $0.title == "A" })
        #expect(PageFactory.titles(tree, index.related[a]) == ["B", "D", "C"])
        let e = try #require(tree.pages.firstIndex { $0.title == "E" })
        #expect(index.related[e].isEmpty)
    }

    /// Each page ranked on its own: every other page sharing a topic, the most shared first,
    /// then reading order.
    static func reference(_ pageTopics: [[String]], limit: Int) -> [[Int]] {
        pageTopics.indices.map { page -> [Int] in
            let own = Set(pageTopics[page])
            var candidates: [(shared: Int, page: Int)] = []
            for other in pageTopics.indices where other != page {
                let shared = own.intersection(pageTopics[other]).count
                if shared > 0 { candidates.append((shared, other)) }
            }
            candidates.sort { $0.shared != $1.shared ? $0.shared > $1.shared : $0.page < $1.page }
            return candidates.prefix(limit).map(\.page)
        }
    }

    /// Ranking each set of topics once gives every page what ranking it alone gives, including
    /// pages that many others with the same topics rank before.
    @Test func rankingEachSetOfTopicsOnceRanksEveryPageAsAlone() {
        var generator = SeededRandom(state: 11)
        let slugs = ["a", "b", "c", "d", "e"]
        for round in 0..<40 {
            let count = Int.random(in: 1..<60, using: &generator)
            var pageTopics: [[String]] = []
            for _ in 0..<count {
                var topics = Set<String>()
                for _ in 0..<Int.random(in: 0..<4, using: &generator) {
                    topics.insert(slugs.randomElement(using: &generator) ?? "a")
                }
                pageTopics.append(topics.sorted().shuffled(using: &generator))
            }
            var pagesByTopic: [String: [Int]] = [:]
            for (page, topics) in pageTopics.enumerated() {
                for slug in topics { pagesByTopic[slug, default: []].append(page) }
            }
            let builder = TopicIndexBuilder(config: SiteConfig())
            #expect(
                builder.relatedPages(pageTopics, pagesByTopic)
                    == Self.reference(pageTopics, limit: builder.relatedLimit), "round \(round)")
        }
    }

    @Test func relatedPagesAreCappedAtFive() throws {
        var site = ["index.md": PageFactory.page("Home")]
        for number in 1...9 {
            site["p\(number).md"] = PageFactory.page("P\(number)", topics: ["shared"])
        }
        let tree = PageFactory.tree(site)
        let (index, _) = TopicIndexBuilder(config: SiteConfig()).build(tree)
        #expect(index.related.allSatisfy { $0.count <= 5 })
        #expect(index.related[1].count == 5)
    }
}

@Suite struct TopicSlugTests {
    @Test func slugsIgnoreSurroundingWhiteSpaceOfAnyKind() {
        #expect(TopicIndexBuilder.slug("Django ORM") == "django-orm")
        #expect(TopicIndexBuilder.slug("  Django ORM\t") == "django-orm")
        #expect(TopicIndexBuilder.slug("\u{00A0}Redis\u{3000}") == "redis")
        #expect(TopicIndexBuilder.slug("") == "")
    }
}
