import Foundation
import Testing

@testable import SitegenCore

/// The split search index tokenises only the chunks of documents that changed since the last
/// build, in memory (serve) and on disk (packs of scans in `.sitegen-cache/`, of which a rebuild
/// writes only those whose scans changed), and its files equal a fresh build's.
@Suite struct SearchChunkCacheTests {
    /// A site of `pages` notes in four folders, with the split index forced.
    static func makeSite(pages: Int) throws -> URL {
        let root = try TestPaths.temporaryFolder().appendingPathComponent("site")
        let manager = FileManager.default
        try manager.createDirectory(
            at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "title: Chunks\nbaseURL: https://example.org/docs/\nsearch:\n  split: always\n".write(
            to: root.appendingPathComponent("sitegen.yml"), atomically: true, encoding: .utf8)
        for page in 0..<pages {
            let folder = root.appendingPathComponent("content/part-\(page % 4)")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = """
                ---
                title: Note \(page) on caching
                ---
                Words for note \(page): redis \(page % 7) celery \(page % 11) queue.

                ## Details \(page)

                More text about worker \(page % 13) and broker \(page % 5).
                """
            try text.write(
                to: folder.appendingPathComponent("note-\(page).md"), atomically: true,
                encoding: .utf8)
        }
        return root
    }

    static func options(_ root: URL, cache: Bool = true) -> BuildOptions {
        BuildOptions(
            paths: SitePaths(root: root, output: root.appendingPathComponent("public")),
            usesCache: cache)
    }

    /// Every file a build of `site` without a cache writes, into a folder of its own.
    static func cleanBuild(_ site: URL) throws -> [String: Data] {
        let clean = try TestPaths.temporaryFolder()
        var options = Self.options(site, cache: false)
        options.paths = SitePaths(root: site, output: clean)
        _ = try SiteBuilder(options: options).build()
        return DiskSnapshot.files(clean)
    }

    static func append(_ text: String, toNote page: Int, in root: URL) throws {
        let note = root.appendingPathComponent("content/part-\(page % 4)/note-\(page).md")
        let old = try String(contentsOf: note, encoding: .utf8)
        try (old + text).write(to: note, atomically: true, encoding: .utf8)
    }

    @Test func inMemoryRebuildTokenisesOnlyTheEditedChunk() throws {
        let site = try Self.makeSite(pages: 400)
        var cache = BuildCache()
        let first = try SiteBuilder(options: Self.options(site)).generate(cache: &cache)
        #expect(first.counts.searchChunks > 4)
        #expect(first.counts.searchChunksTokenised == first.counts.searchChunks)
        try Self.append("\nA zebrafish appears.\n", toNote: 123, in: site)
        let second = try SiteBuilder(options: Self.options(site)).generate(cache: &cache)
        let fresh = try SiteBuilder(options: Self.options(site)).generate()
        #expect(second.counts.searchChunksTokenised == 1)
        #expect(second.counts.searchChunks == first.counts.searchChunks)
        #expect(first.counts.searchTermsEncoded == first.counts.searchTerms)
        #expect(second.counts.searchTermsEncoded > 0, "zebrafish is a new term")
        #expect(
            second.counts.searchTermsEncoded < second.counts.searchTerms / 4,
            "only terms of the edited note are encoded again")
        #expect(second.files == fresh.files)
        let zebra = Data("zebrafish".utf8)
        #expect(
            second.files.contains {
                $0.path.hasPrefix("search/") && $0.bytes()?.range(of: zebra) != nil
            })
    }

    @Test func diskRebuildReadsTheScansBackAndEqualsACleanBuild() throws {
        let site = try Self.makeSite(pages: 300)
        let output = site.appendingPathComponent("public")
        let first = try SiteBuilder(options: Self.options(site)).build()
        let file = site.appendingPathComponent(".sitegen-cache/search.cache")
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(!FileManager.default.fileExists(atPath: file.path + ".tmp"))
        try Self.append("\nAn okapi walks by.\n", toNote: 7, in: site)
        let second = try SiteBuilder(options: Self.options(site)).build()
        #expect(second.counts.searchChunksTokenised == 1)
        #expect(second.counts.searchChunks == first.counts.searchChunks)
        #expect(second.counts.searchTermsEncoded > 0)
        #expect(second.counts.searchTermsEncoded < second.counts.searchTerms / 4)
        let terms = site.appendingPathComponent(".sitegen-cache/terms.cache")
        #expect(FileManager.default.fileExists(atPath: terms.path))
        #expect(!FileManager.default.fileExists(atPath: terms.path + ".tmp"))
        let again = try SiteBuilder(options: Self.options(site)).build()
        #expect(again.counts.searchTermsEncoded == 0, "the terms file was read back")
        let cached = DiskSnapshot.files(output)
        let clean = try TestPaths.temporaryFolder()
        var options = Self.options(site, cache: false)
        options.paths = SitePaths(root: site, output: clean)
        _ = try SiteBuilder(options: options).build()
        #expect(cached == DiskSnapshot.files(clean))
    }

    @Test func aDiskRebuildKeepsTheDocumentBlocksOfUnchangedPages() throws {
        let site = try Self.makeSite(pages: 300)
        let output = site.appendingPathComponent("public")
        let first = try SiteBuilder(options: Self.options(site)).build()
        #expect(first.counts.searchBlocks > 2)
        #expect(first.counts.searchBlocksEncoded == first.counts.searchBlocks)
        #expect(first.fileCount == DiskSnapshot.files(output).count)
        func documents() throws -> [String] {
            try FileManager.default.contentsOfDirectory(
                atPath: output.appendingPathComponent("search").path
            ).filter { $0.hasPrefix("d-") }.sorted()
        }
        // An edit that keeps the number of documents changes one block's files.
        try Self.append("\nA narwhal surfaces.\n", toNote: 123, in: site)
        let before = try documents()
        let edited = try SiteBuilder(options: Self.options(site)).build()
        #expect(edited.counts.searchBlocksEncoded == 1)
        #expect(edited.counts.searchBlocks == first.counts.searchBlocks)
        #expect(edited.fileCount == DiskSnapshot.files(output).count, "kept files are counted")
        let after = try documents()
        #expect(Set(before).intersection(after).count > after.count / 2)
        #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)))
        // A kept block's file removed from the output is made again, and its block with it.
        let removed = try #require(after.first)
        try FileManager.default.removeItem(
            at: output.appendingPathComponent("search").appendingPathComponent(removed))
        let repaired = try SiteBuilder(options: Self.options(site)).build()
        #expect(repaired.counts.searchBlocksEncoded == 1)
        #expect(try documents() == after)
        #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)))
    }

    @Test func aDiskRebuildKeepsTheShardsOfUnchangedTerms() throws {
        let site = try Self.makeSite(pages: 300)
        let output = site.appendingPathComponent("public")
        let options = Self.options(site)
        func terms() throws -> [String] {
            try FileManager.default.contentsOfDirectory(
                atPath: output.appendingPathComponent("search").path
            ).filter { $0.hasPrefix("t-") }.sorted()
        }
        let first = try SiteBuilder(options: options).build()
        #expect(first.counts.searchShards > 2)
        #expect(first.counts.searchShardsEncoded == first.counts.searchShards)
        // An edit that adds one new word to a note changes the shards of its terms only.
        try Self.append("\nA wombat digs.\n", toNote: 123, in: site)
        let before = try terms()
        let edited = try SiteBuilder(options: options).build()
        #expect(edited.counts.searchShardsEncoded > 0)
        #expect(edited.counts.searchShardsEncoded < edited.counts.searchShards)
        #expect(edited.fileCount == DiskSnapshot.files(output).count, "kept files are counted")
        #expect(Set(before).intersection(try terms()).count > 0)
        #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)))
        // A kept shard's terms file removed from the output is made again.
        let removed = try #require(try terms().first)
        try FileManager.default.removeItem(
            at: output.appendingPathComponent("search").appendingPathComponent(removed))
        let repaired = try SiteBuilder(options: options).build()
        #expect(repaired.counts.searchShardsEncoded == 1)
        #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)))
    }

    @Test func aDiskRebuildPatchesTheBasePostingsAndKeepsThem() throws {
        let site = try Self.makeSite(pages: 300)
        let output = site.appendingPathComponent("public")
        let first = try SiteBuilder(options: Self.options(site)).build()
        #expect(!first.counts.searchPostingsPatched)
        let base = site.appendingPathComponent(".sitegen-cache/postings.cache")
        let baseBytes = try Data(contentsOf: base)
        for (step, note) in [7, 123, 7].enumerated() {
            try Self.append("\nA numbat \(step) forages.\n", toNote: note, in: site)
            let edited = try SiteBuilder(options: Self.options(site)).build()
            #expect(edited.counts.searchPostingsPatched, "edit \(step)")
            #expect(try Data(contentsOf: base) == baseBytes, "the base is kept, not rewritten")
            #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)), "edit \(step)")
        }
        // A damaged base (cut short, or with flags no scan makes) is left out: every chunk is
        // merged, and that merge is the new base.
        var bytes = baseBytes
        bytes.replaceSubrange(
            (bytes.count - 64)..<(bytes.count - 8), with: Data(repeating: 0xFF, count: 56))
        try bytes.write(to: base)
        try Self.append("\nAn echidna digs.\n", toNote: 41, in: site)
        let flagged = try SiteBuilder(options: Self.options(site)).build()
        #expect(!flagged.counts.searchPostingsPatched)
        #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)))
        try Data(contentsOf: base).dropLast(3).write(to: base)
        try Self.append("\nA bilby hops.\n", toNote: 42, in: site)
        let repaired = try SiteBuilder(options: Self.options(site)).build()
        #expect(!repaired.counts.searchPostingsPatched)
        #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)))
        try Self.append("\nA quoll hunts.\n", toNote: 43, in: site)
        let again = try SiteBuilder(options: Self.options(site)).build()
        #expect(again.counts.searchPostingsPatched)
        #expect(DiskSnapshot.files(output) == (try Self.cleanBuild(site)))
    }

    @Test func aFailedBuildLeavesNoPendingScans() throws {
        let site = try Self.makeSite(pages: 120)
        _ = try SiteBuilder(options: Self.options(site)).build()
        let cacheFolder = site.appendingPathComponent(".sitegen-cache")
        let before = DiskSnapshot.files(cacheFolder)
        try "---\ntitle: Broken\ntemplate: no-such-template\n---\nText.\n".write(
            to: site.appendingPathComponent("content/part-0/broken.md"), atomically: true,
            encoding: .utf8)
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: Self.options(site)).build() }
        #expect(DiskSnapshot.files(cacheFolder) == before)
    }

    @Test func aCutTermsFileIsIgnored() throws {
        let site = try Self.makeSite(pages: 120)
        _ = try SiteBuilder(options: Self.options(site)).build()
        let file = site.appendingPathComponent(".sitegen-cache/terms.cache")
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count - 3).write(to: file)
        let rebuilt = try SiteBuilder(options: Self.options(site)).build()
        #expect(rebuilt.counts.searchTermsEncoded == rebuilt.counts.searchTerms)
        let again = try SiteBuilder(options: Self.options(site)).build()
        #expect(again.counts.searchTermsEncoded == 0, "the rebuild wrote a good file again")
    }

    /// The pack files of scans in a site's cache folder.
    static func packs(_ site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(
            atPath: site.appendingPathComponent(".sitegen-cache").path
        ).filter { $0.hasPrefix("scans-") }.sorted()
    }

    @Test func aDamagedPackIsIgnoredAndOnlyItsChunksAreTokenised() throws {
        let site = try Self.makeSite(pages: 400)
        let first = try SiteBuilder(options: Self.options(site)).build()
        let packs = try Self.packs(site)
        #expect(packs.count > 1)
        let file = site.appendingPathComponent(".sitegen-cache").appendingPathComponent(
            try #require(packs.first))
        var bytes = try Data(contentsOf: file)
        // The first scan's counts and lists, past the header and the number of scans: a list
        // that runs past the file, or an index out of range, fails the read.
        let header = Int(bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        let start = 8 + header + 8
        bytes.replaceSubrange(start..<(start + 40), with: Data(repeating: 0xFF, count: 40))
        try bytes.write(to: file)
        let rebuilt = try SiteBuilder(options: Self.options(site)).build()
        #expect(rebuilt.counts.searchChunksTokenised > 0)
        #expect(rebuilt.counts.searchChunksTokenised < first.counts.searchChunks)
        let again = try SiteBuilder(options: Self.options(site)).build()
        #expect(again.counts.searchChunksTokenised == 0, "the rebuild wrote a good pack again")
        #expect(try Self.packs(site) == packs)
    }

    @Test func aRebuildAfterAnEditWritesOnlyThePacksWhoseScansChanged() throws {
        let site = try Self.makeSite(pages: 400)
        _ = try SiteBuilder(options: Self.options(site)).build()
        let before = try Self.packs(site)
        #expect((2...SearchScanFile.packCount).contains(before.count))
        try Self.append("\nA pangolin rolls up.\n", toNote: 42, in: site)
        let edited = try SiteBuilder(options: Self.options(site)).build()
        #expect(edited.counts.searchChunksTokenised == 1)
        let after = try Self.packs(site)
        // The edited chunk's new key may pick another pack than its old one: at most the two
        // are written, and the packs they replace are removed.
        let written = Set(after).subtracting(before)
        #expect((1...2).contains(written.count))
        #expect(Set(before).subtracting(after).count == written.count)
        let again = try SiteBuilder(options: Self.options(site)).build()
        #expect(again.counts.searchChunksTokenised == 0)
        #expect(try Self.packs(site) == after, "an unchanged rebuild writes no pack")
    }

    @Test func keptScansAreCheckedWhereTheyAreRead() throws {
        func entry(_ number: Int, _ extra: String = "") -> SearchEntry {
            SearchEntry(
                url: "/docs/page-\(number)/", title: "Page \(number)", heading: "",
                text: "text \(number) word \(number % 17) \(extra)", topics: [])
        }
        let entries = (0..<1500).map { entry($0) }
        let builder = SplitSearchIndexBuilder(jobs: 2)
        var scans: [SearchChunkScan] = []
        var base: MergedPostings?
        _ = builder.files(
            entries: entries, sectionCounts: [], previous: [:], merged: { base = $0 }
        ) { made, _ in scans = made }
        #expect(scans.count > 2)
        // Every kept scan names a document past its chunk, as a pack damaged on disk could:
        // packs are read without checking their lists, so each use must check them.
        let damaged = Dictionary(
            uniqueKeysWithValues: scans.map { scan in
                var bad = scan
                bad.docs = ScanColumn(
                    Array(repeating: Int32(scan.docCount), count: scan.docs.count))
                #expect(!bad.isConsistent)
                return (scan.key, bad)
            })
        let whole = builder.files(entries: entries, sectionCounts: [], previous: damaged) { _, _ in
        }
        #expect(whole == builder.files(entries: entries, sectionCounts: []))
        // A patch reads the edited chunk's old scan: damaged, it leaves every chunk merged.
        var edited = entries
        edited[700] = entry(700, "numbat")
        #expect(base != nil)
        let patched = builder.files(
            entries: edited, sectionCounts: [], previous: damaged, postings: base
        ) { _, _ in }
        #expect(patched == builder.files(entries: edited, sectionCounts: []))
    }

    @Test func insertingADocumentMovesOnlyTheChunksAroundIt() {
        func entry(_ number: Int) -> SearchEntry {
            SearchEntry(
                url: "/docs/page-\(number)/", title: "Page \(number)", heading: "",
                text: "text \(number)", topics: [])
        }
        let before = (0..<2000).map(entry)
        var after = before
        after.insert(entry(99_999), at: 1000)
        let keys = { (entries: [SearchEntry]) in
            Set(SearchChunkScan.chunks(entries).map { SearchChunkScan.key(entries, $0) })
        }
        let changed = keys(after).subtracting(keys(before))
        #expect(SearchChunkScan.chunks(before).count > 10)
        #expect(
            (1...2).contains(changed.count),
            "only the chunk that gained the document differs (or splits in two there)")
    }
}

/// Every file under a folder with its bytes (the output marker left out).
enum DiskSnapshot {
    static func files(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let paths =
            FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for path in paths where path != OutputWriter.markerName {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                result[path] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }
}
