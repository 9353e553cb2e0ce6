import Testing

@testable import SitegenMarkdown

@Suite struct HeadingSluggerTests {
    @Test(arguments: [
        ("Caching strategies", "caching-strategies"),
        ("select_related / prefetch_related", "select_related--prefetch_related"),
        ("What's new in Django 5.0?", "whats-new-in-django-50"),
        ("Ünïcödé Straße", "ünïcödé-straße"),
    ])
    func slugsLikeGitHub(text: String, slug: String) {
        #expect(HeadingSlugger.slug(text) == slug)
    }

    @Test func repeatsGetNumberedSuffixes() {
        var slugger = HeadingSlugger()
        #expect(slugger.uniqueID(for: "Setup") == "setup")
        #expect(slugger.uniqueID(for: "Setup") == "setup-1")
        #expect(slugger.uniqueID(for: "Setup") == "setup-2")
    }

    @Test func reservedPrefixesAreAvoided() {
        var slugger = HeadingSlugger()
        #expect(slugger.uniqueID(for: "fn 1") == "h-fn-1")
        #expect(slugger.uniqueID(for: "sg search") == "h-sg-search")
        #expect(slugger.uniqueID(for: "!!!") == "section")
    }
}
