import Testing

@testable import SitegenMarkdown

@Suite struct HeadingSluggerTests {
    @Test func asciiTextSlugsOnBytesAsByScalars() {
        var texts = ["", "Caching Strategies", "REST_API v2 (draft)", "a--b  c", "100% Done!"]
        var seed: UInt64 = 7
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<24 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(Unicode.Scalar(UInt8(32 + (seed >> 33) % 95)))
            }
            texts.append(text)
        }
        for text in texts {
            #expect(HeadingSlugger.slug(text) == HeadingSlugger.scalarSlug(text), "\(text)")
        }
        #expect(
            HeadingSlugger.slug("Ünïcode Héading") == HeadingSlugger.scalarSlug("Ünïcode Héading"))
    }

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
