import Foundation
import Testing

@testable import SitegenCore

/// The split search index: tokenising like the theme's JavaScript, shard contents, caps,
/// document chunks, determinism, and when a site gets one.
@Suite struct SplitSearchIndexTests {
    /// Entries built by hand: `(url, title, heading, text)`, one page per distinct URL path.
    static func entries(_ rows: [(String, String, String, String)]) -> (
        [SearchEntry], [Int]
    ) {
        var counts: [Int] = []
        var last = ""
        let entries = rows.map { row in
            let page = String(row.0.split(separator: "#").first ?? "")
            if page != last {
                counts.append(0)
                last = page
            }
            counts[counts.count - 1] += 1
            return SearchEntry(url: row.0, title: row.1, heading: row.2, text: row.3, topics: [])
        }
        return (entries, counts)
    }

    @Test(arguments: [
        ("Hello, World!", ["hello", "world"]),
        ("snake_case x2 ÉCOLE café", ["snake_case", "x2", "école", "café"]),
        ("İstanbul", ["i", "stanbul"]),
        ("ΟΔΟΣ σοφός", ["οδοσ", "σοφόσ"]),
        ("東京タワー 2024年", ["東京タワー", "2024年"]),
        ("don't re-use a.b", ["don", "t", "re", "use", "a", "b"]),
        ("naïve ½ Ⅻ ①", ["naïve", "½", "ⅻ", "①"]),
        ("e\u{301}t\u{e9}", ["e", "té"]),
        ("Straße STRASSE", ["straße", "strasse"]),
        ("emoji😀here", ["emoji", "here"]),
        ("  ", []),
        ("ǅemal ǈ", ["ǆemal", "ǉ"]),
    ])
    func tokenizerSplitsLikeTheJavaScript(text: String, expected: [String]) {
        // Expected values are JavaScript's `words()` (node), with final sigma folded to σ.
        #expect(
            SearchTokenizer.terms(in: text).map { Array($0.utf8) }
                == expected.map { Array($0.utf8) })
    }

    /// The `search.json` the split-search fixture gets when it is not split.
    static func singleFileIndex() throws -> Data {
        let root = try TestPaths.temporaryFolder()
        try FileManager.default.removeItem(at: root)
        try FileManager.default.copyItem(at: TestPaths.fixture("split-search"), to: root)
        let config = root.appendingPathComponent("sitegen.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "split: always", with: "split: never")
            .write(to: config, atomically: true, encoding: .utf8)
        let options = BuildOptions(
            paths: SitePaths(root: root, output: root.appendingPathComponent("public")))
        let report = try SiteBuilder(options: options).generate()
        #expect(!report.files.contains { $0.path == "search/manifest.json" })
        return try #require(report.files.first { $0.path == "search.json" }?.bytes())
    }

    @Test func fixtureWritesManifestShardsAndChunksInsteadOfSearchJSON() throws {
        let report = try FixtureSupport.generate("split-search")
        let reader = try #require(SplitIndexReader(report.files))
        #expect(!report.files.contains { $0.path == "search.json" })
        let searchJSON = try Self.singleFileIndex()
        let entries = try #require(
            try JSONSerialization.jsonObject(with: searchJSON) as? [[String: Any]])
        #expect(reader.manifest["docs"] as? Int == entries.count)
        #expect(reader.manifest["chunk"] as? Int == 4)
        #expect(reader.manifest["version"] as? Int == 2)
        let keys = reader.shards
        #expect(keys == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(Set(keys).count == keys.count)
        for index in keys.indices {
            #expect(reader.files[reader.folder + reader.termsFile(index)] != nil)
        }
        let html = try #require(FixtureSupport.text(report, "guide/caching/index.html"))
        #expect(html.contains("data-index=\"/docs/search/manifest.json\""))
        #expect(!html.contains("data-index=\"/docs/search.json\""))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func everyTermFindsExactlyItsDocumentsAndTitles() throws {
        let report = try FixtureSupport.generate("split-search")
        let reader = try #require(SplitIndexReader(report.files))
        let data = try Self.singleFileIndex()
        let entries = try JSONDecoder().decode([DecodedEntry].self, from: data)
        var expected: [String: SplitIndexReader.Entry] = [:]
        for (doc, entry) in entries.enumerated() {
            let top = entry.heading.isEmpty ? 4 : 0
            for term in SearchTokenizer.terms(in: entry.heading) {
                expected[term, default: .init(m: 0, title: [:], postings: [:])].postings[
                    doc, default: 0] |= 1 | top
            }
            for term in SearchTokenizer.terms(in: entry.text) {
                expected[term, default: .init(m: 0, title: [:], postings: [:])].postings[
                    doc, default: 0] |= 2 | top
            }
            for (position, term) in SearchTokenizer.terms(in: entry.title).enumerated() {
                expected[term, default: .init(m: 0, title: [:], postings: [:])].title[doc] =
                    max(expected[term]?.title[doc] ?? 0, position == 0 ? 3 : 1)
            }
        }
        #expect(expected["cache"] != nil && expected["東京タワー"] != nil && expected["οδοσ"] != nil)
        for (term, want) in expected {
            let found = try #require(reader.entry(for: term), "no entry for \(term)")
            #expect(found.entry == want, "\(term)")
        }
    }

    @Test func documentChunksHoldTheEntriesInOrder() throws {
        let report = try FixtureSupport.generate("split-search")
        let reader = try #require(SplitIndexReader(report.files))
        let data = try Self.singleFileIndex()
        let entries = try JSONDecoder().decode([DecodedEntry].self, from: data)
        let documents = reader.documents()
        #expect(documents.count == entries.count)
        for (document, entry) in zip(documents, entries) {
            #expect(document["url"] as? String == entry.url)
            #expect(document["title"] as? String == entry.title)
            #expect(document["heading"] as? String == entry.heading)
            #expect(document["text"] as? String == entry.text)
            #expect(document["topics"] as? [String] == entry.topics)
        }
    }

    @Test func buildsAreByteIdentical() throws {
        let first = try FixtureSupport.generate("split-search", jobs: 1)
        let second = try FixtureSupport.generate("split-search")
        let split = { (report: BuildReport) in
            report.files.filter { $0.path.hasPrefix("search/") }.map { ($0.path, $0.bytes()) }
        }
        #expect(split(first).map(\.0) == split(second).map(\.0))
        #expect(split(first).map(\.1) == split(second).map(\.1))
        #expect(split(first).count > 3)
    }

    @Test func postingsAreCappedToTheBestAndTheFullListIsWritten() throws {
        let (entries, counts) = Self.entries([
            ("/a/", "Alpha", "", "alpha one"),
            ("/a/#x", "Alpha", "Other", "alpha two"),
            ("/b/", "Beta", "", "alpha three"),
            ("/b/#y", "Beta", "Alpha heading", "nothing"),
            ("/c/", "Gamma", "", "alpha four"),
            ("/c/#z", "Gamma", "Zeta", "alphabet alpha"),
        ])
        var builder = SplitSearchIndexBuilder(jobs: 1)
        builder.cap = 2
        let files = builder.files(entries: entries, sectionCounts: counts)
        let reader = try #require(SplitIndexReader(files))
        let alpha = try #require(reader.entry(for: "alpha"))
        // Best two of the six heading/text documents: the heading match (doc 3), then the
        // title page's text matches (doc 0 is also a page top, so it ranks above doc 1).
        #expect(alpha.entry.postings == [3: 1, 0: 6])
        #expect(alpha.entry.title == [0: 3, 1: 3])
        let full = try #require(reader.fullList(shard: alpha.shard, position: alpha.position))
        #expect(full == [0, 1, 2, 3, 4, 5])
        let size = reader.files[
            reader.folder + reader.postingsFile(shard: alpha.shard, position: alpha.position)]?
            .count
        #expect(alpha.entry.m == size)
        let beta = try #require(reader.entry(for: "beta"))
        #expect(
            beta.entry.m == 0 && beta.entry.postings.isEmpty && beta.entry.title == [2: 3, 3: 3])
    }

    @Test func largeShardsSplitIntoLongerPrefixesWithAggregates() throws {
        let words = ["cab", "cache", "cached", "cat", "ca", "cow", "c"]
        let (entries, counts) = Self.entries(
            words.enumerated().map { ("/p\($0.offset)/", "Page", "", $0.element) })
        var builder = SplitSearchIndexBuilder(jobs: 1)
        builder.shardLimit = 40
        builder.cap = 3
        let files = builder.files(entries: entries, sectionCounts: counts)
        let reader = try #require(SplitIndexReader(files))
        #expect(reader.shards.contains("c") && reader.shards.contains("ca"))
        let c = reader.shard(try #require(reader.shards.firstIndex(of: "c")))
        #expect(c["w"] as? [String] == ["c"])
        let aggregate = SplitIndexReader.decode(try #require(c["a"] as? [Any]))
        #expect(aggregate.m == -1)
        #expect(aggregate.postings.count == 3)
        for word in words {
            let found = try #require(reader.entry(for: word), "\(word)")
            #expect(found.entry.postings.keys.sorted() == [words.firstIndex(of: word) ?? -1])
        }
        #expect(reader.shardIndex(for: "cachex").map { reader.shards[$0].hasPrefix("ca") } == true)
    }

    @Test func commonTermsGetABitmapWhenSmaller() throws {
        let rows = (0..<400).map { ("/p\($0)/", "Page \($0)", "", "common word\($0 % 7)") }
        let (entries, counts) = Self.entries(rows)
        let files = SplitSearchIndexBuilder(jobs: 2).files(entries: entries, sectionCounts: counts)
        let reader = try #require(SplitIndexReader(files))
        let common = try #require(reader.entry(for: "common"))
        let list = try #require(
            reader.json(reader.postingsFile(shard: common.shard, position: common.position))
                as? [String: Any])
        #expect(list["b"] != nil)
        #expect(reader.fullList(shard: common.shard, position: common.position) == Array(0..<400))
        #expect(common.entry.postings.count == 100)
    }

    @Test func longTextIsCutForSnippets() {
        let text = String(repeating: "word ", count: 100)
        let cut = SplitSearchIndexBuilder.cut(text, to: 240)
        #expect(cut.hasSuffix("…") && cut.unicodeScalars.count <= 241)
        #expect(SplitSearchIndexBuilder.cut("short", to: 240) == "short")
    }

    @Test func smallSitesStaySingleUnlessForced() throws {
        let report = try FixtureSupport.generate("basic")
        #expect(
            !report.files.contains { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".json") })
        let small = PageFactory.tree(["index.md": PageFactory.page("Home")])
        #expect(!SearchSplit.auto.applies(to: small))
        #expect(SearchSplit.always.applies(to: small))
        let body = String(repeating: "lorem ipsum dolor ", count: 40_000)
        let large = PageFactory.tree(["index.md": PageFactory.page("Home") + body])
        #expect(SearchSplit.auto.applies(to: large))
        // Templates decide after the search text may have been freed: word counts remain.
        let textless = SiteTree(
            pages: large.pages.map { page in
                var copy = page
                copy.sections = []
                return copy
            })
        #expect(SearchSplit.auto.applies(to: textless))
        #expect(!SearchSplit.never.applies(to: large))
    }

    @Test func configReadsTheSplitOption() {
        let (config, diagnostics) = SiteConfigLoader().decode("search:\n  split: always\n")
        #expect(config.searchSplit == .always && diagnostics.isEmpty)
        let (_, bad) = SiteConfigLoader().decode("search:\n  split: sometimes\n  size: 3\n")
        #expect(
            bad.map(\.message) == [
                "'split' must be auto, always or never, not 'sometimes'",
                "unknown key 'size' in 'search'",
            ])
        #expect(SiteConfig().searchSplit == .auto)
    }
}

/// A `search.json` entry, decoded.
private struct DecodedEntry: Decodable {
    var url: String
    var title: String
    var heading: String
    var text: String
    var topics: [String]
}

/// The split index's files are named after their content: an edit renames only the files that
/// hold what changed, and a name never stands for two different contents.
@Suite struct SplitSearchFileNameTests {
    /// 48 one-section pages whose words are drawn from a small vocabulary, so shards are shared.
    static func entries(replacing page: Int? = nil, with word: String = "") -> (
        [SearchEntry], [Int]
    ) {
        let words = [
            "redis", "celery", "django", "queue", "cache", "index", "shard", "worker", "deploy",
            "docker", "graphql", "schema", "token", "retry", "backoff", "signal",
        ]
        let rows = (0..<48).map { number -> (String, String, String, String) in
            var text = (0..<6).map { words[(number * 7 + $0 * 3) % words.count] }
            if number == page { text[0] = word }
            return ("/p\(number)/", "Page \(number)", "", text.joined(separator: " "))
        }
        return SplitSearchIndexTests.entries(rows)
    }

    static func files(_ input: ([SearchEntry], [Int])) -> [String: Data] {
        var builder = SplitSearchIndexBuilder(jobs: 2)
        builder.chunkSize = 2
        builder.blockSize = 3
        builder.shardLimit = 64
        var files: [String: Data] = [:]
        for file in builder.files(entries: input.0, sectionCounts: input.1) {
            files[file.path] = file.bytes()
        }
        return files
    }

    @Test func anEditRenamesOnlyTheFilesHoldingWhatChanged() throws {
        let before = Self.files(Self.entries())
        let after = Self.files(Self.entries(replacing: 40, with: "zygote"))
        let kept = Set(before.keys).intersection(after.keys).subtracting(["search/manifest.json"])
        for name in kept { #expect(before[name] == after[name], "\(name) names one content") }
        let docs = { (files: [String: Data]) in files.keys.filter { $0.hasPrefix("search/d-") } }
        let keptDocs = Set(docs(before)).intersection(docs(after))
        // Page 40 is in chunk 20, block 6 of 8: the other 7 blocks of 3 chunks keep their names.
        #expect(docs(before).count == 24)
        #expect(keptDocs.count == 21)
        let terms = { (files: [String: Data]) in files.keys.filter { $0.hasPrefix("search/t-") } }
        let keptTerms = Set(terms(before)).intersection(terms(after))
        #expect(keptTerms.count > 0 && keptTerms.count < terms(before).count)
        #expect(before["search/manifest.json"] != after["search/manifest.json"])
    }

    @Test func theSameInputGivesTheSameNames() {
        #expect(Self.files(Self.entries()) == Self.files(Self.entries()))
    }

    @Test func shardsWithEqualFilesStillGetNamesOfTheirOwn() throws {
        // Every term starts with "qq_", so the inner shards "q", "qq" and "qq_" hold no terms of
        // their own and the same aggregate.
        let rows = (0..<24).map { number -> (String, String, String, String) in
            let word = "qq_" + String(UnicodeScalar(UInt8(97 + number % 12)))
            return ("/p\(number)/", "Page", "", "\(word)\(number / 12) \(word)")
        }
        var builder = SplitSearchIndexBuilder(jobs: 1)
        builder.shardLimit = 64
        let (entries, counts) = SplitSearchIndexTests.entries(rows)
        let files = builder.files(entries: entries, sectionCounts: counts)
        #expect(Set(files.map(\.path)).count == files.count)
        let reader = try #require(SplitIndexReader(files))
        let hashes = reader.manifest["s"] as? [String] ?? []
        #expect(reader.shards.filter { "qq_".hasPrefix($0) }.count >= 2)
        #expect(Set(hashes).count == hashes.count)
    }
}
