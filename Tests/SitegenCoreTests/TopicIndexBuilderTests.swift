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
