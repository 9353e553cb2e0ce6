import Testing

@testable import SitegenCore

/// Context keys decide whether a file is templated again, so equal contexts must hash alike
/// whatever container types hold them, and any change must show.
@Suite struct ContextHasherTests {
    static func hash(_ value: Any) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(value)
        return hasher.value
    }

    @Test func typedContainersHashLikeTheirUntypedForms() {
        let links: [[String: Any]] = [["title": "A", "url": "/a/"], ["title": "B", "count": 2]]
        #expect(Self.hash(links) == Self.hash(links.map { $0 as Any }))
        let assets: [String: String] = ["style_css": "/s.css", "site_js": "/s.js"]
        #expect(Self.hash(assets) == Self.hash(assets.mapValues { $0 as Any }))
        #expect(Self.hash(["x": links] as [String: Any]) == Self.hash(["x": links as [Any]]))
    }

    @Test func anyChangeChangesTheHash() {
        let base: [String: Any] = [
            "title": "T", "flag": true, "n": 1, "list": [["a": "1"]] as [[String: Any]],
            "asset": ["k": "v"] as [String: String],
        ]
        var variants: [[String: Any]] = []
        for (key, value) in [
            ("title", "U"), ("flag", false), ("n", 2), ("list", [["a": "2"]] as [[String: Any]]),
            ("asset", ["k": "w"] as [String: String]), ("extra", ""),
        ] as [(String, Any)] {
            var changed = base
            changed[key] = value
            variants.append(changed)
        }
        let hashes = Set(([base] + variants).map { Self.hash($0) })
        #expect(hashes.count == variants.count + 1)
    }

    @Test func dictionaryOrderDoesNotMatter() {
        var first: [String: Any] = [:]
        var second: [String: Any] = [:]
        for index in 0..<50 { first["k\(index)"] = index }
        for index in (0..<50).reversed() { second["k\(index)"] = index }
        #expect(Self.hash(first) == Self.hash(second))
    }
}
