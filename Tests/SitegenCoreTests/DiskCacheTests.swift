import Foundation
import Testing

@testable import SitegenCore

/// `sitegen build` with the on-disk cache: each build equals a build without it, byte for byte;
/// unchanged pages are neither rendered nor rewritten; a stale or broken cache is ignored.
@Suite struct DiskCacheTests {
    func copyOfFixture(_ name: String) throws -> URL { try TestPaths.copyOfFixture(name) }

    func options(_ root: URL, output: String = "public", cache: Bool = true) -> BuildOptions {
        BuildOptions(
            paths: SitePaths(root: root, output: root.appendingPathComponent(output)),
            usesCache: cache)
    }

    /// Every file under `folder` (marker excluded) with its bytes.
    func files(_ folder: URL) -> [String: Data] { DiskSnapshot.files(folder) }

    func inode(_ url: URL) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber]
            as? UInt64
    }

    @Test func cachedBuildsEqualCleanBuildsThroughEdits() throws {
        let site = try copyOfFixture("basic")
        let content = site.appendingPathComponent("content")
        _ = try SiteBuilder(options: options(site)).build()
        // A new page changes what every page's links resolve against, so all are rendered.
        let edits: [(String, String, addsPage: Bool)] = [
            (
                "guide/setup.md", "---\ntitle: Setup\nweight: 2\n---\n## Install it\n\nNew text.\n",
                false
            ),
            ("reference/new.md", "---\ntitle: Brand new\ntopics: [api]\n---\nHello.\n", true),
            ("guide/setup.md", "---\ntitle: Setting up\nweight: 2\n---\nRenamed title.\n", false),
        ]
        for (step, (path, text, addsPage)) in edits.enumerated() {
            try text.write(
                to: content.appendingPathComponent(path), atomically: true, encoding: .utf8)
            let cached = try SiteBuilder(options: options(site)).build()
            _ = try SiteBuilder(options: options(site, output: "clean", cache: false)).build()
            #expect(
                files(site.appendingPathComponent("public"))
                    == files(site.appendingPathComponent("clean")), "step \(step)")
            #expect(
                cached.counts.markdownRendered == (addsPage ? cached.pageCount : 1), "step \(step)")
        }
    }

    @Test func aSaveKeepsTheCacheSectionsOfUnchangedPages() throws {
        let site = try copyOfFixture("basic")
        let cacheFolder = site.appendingPathComponent(".sitegen-cache")
        func sections() throws -> [String: UInt64] {
            let names = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)
            return Dictionary(
                uniqueKeysWithValues: names.filter { $0.hasPrefix("pages-") }.map {
                    ($0, inode(cacheFolder.appendingPathComponent($0)) ?? 0)
                })
        }
        let first = try SiteBuilder(options: options(site)).build()
        #expect(first.counts.cacheSectionsKept == 0, "nothing to keep")
        let before = try sections()
        let page = site.appendingPathComponent("content/guide/intro.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nOne more line.\n").write(
            to: page, atomically: true, encoding: .utf8)
        let edited = try SiteBuilder(options: options(site)).build()
        #expect(edited.counts.cacheSectionsKept == BuildCacheStore.markdownSections - 1)
        // The edited page's section has a new file; the old one is gone, the others untouched.
        let after = try sections()
        #expect(Set(before.keys).subtracting(after.keys).count == 1)
        #expect(Set(after.keys).subtracting(before.keys).count == 1)
        for (name, node) in after where before[name] != nil { #expect(before[name] == node) }
        let again = try SiteBuilder(options: options(site)).build()
        #expect(again.counts.cacheSectionsKept == BuildCacheStore.markdownSections)
        #expect(again.counts.markdownRendered == 0, "the kept sections read back")
        #expect(try sections() == after)
        _ = try SiteBuilder(options: options(site, output: "clean", cache: false)).build()
        #expect(
            files(site.appendingPathComponent("public"))
                == files(site.appendingPathComponent("clean")))
    }

    @Test func aRebuildFromAFittingCacheKeepsFreedMemoryForItsNextStage() throws {
        let site = try copyOfFixture("basic")
        let opts = options(site)
        let store = BuildCacheStore(
            options: opts,
            configBytes: FileManager.default.contents(atPath: opts.paths.config.path))
        #expect(!store.hasFittingCache(), "no cache yet")
        let first = try SiteBuilder(options: opts).build()
        #expect(first.timings.contains { $0.name == "return freed memory" })
        #expect(store.hasFittingCache())
        let second = try SiteBuilder(options: opts).build()
        #expect(!second.timings.contains { $0.name == "return freed memory" })
        // Another config makes another header: that build starts from scratch.
        try "title: Changed\n".write(
            to: site.appendingPathComponent("sitegen.yml"), atomically: true, encoding: .utf8)
        let changed = BuildCacheStore(
            options: opts,
            configBytes: FileManager.default.contents(atPath: opts.paths.config.path))
        #expect(!changed.hasFittingCache())
        let third = try SiteBuilder(options: opts).build()
        #expect(third.timings.contains { $0.name == "return freed memory" })
    }

    @Test func anUnchangedRebuildRendersNothingAndKeepsEveryFile() throws {
        let site = try copyOfFixture("basic")
        let first = try SiteBuilder(options: options(site)).build()
        #expect(first.counts.markdownRendered == first.pageCount)
        let page = site.appendingPathComponent("public/guide/setup/index.html")
        let before = inode(page)
        let second = try SiteBuilder(options: options(site)).build()
        #expect(second.counts.markdownRendered == 0)
        #expect(second.counts.templated == 0)
        #expect(before != nil && inode(page) == before)
    }

    @Test func aBodyEditRetemplatesOnlyThatPage() throws {
        let site = try copyOfFixture("basic")
        _ = try SiteBuilder(options: options(site)).build()
        let setup = site.appendingPathComponent("content/guide/setup.md")
        let text = try String(contentsOf: setup, encoding: .utf8)
        try (text + "\nOne more sentence.\n").write(to: setup, atomically: true, encoding: .utf8)
        let other = site.appendingPathComponent("public/reference/api/index.html")
        let before = inode(other)
        let report = try SiteBuilder(options: options(site)).build()
        #expect(report.counts.markdownRendered == 1)
        #expect(report.counts.templated == 1)
        #expect(inode(other) == before)
    }

    @Test func aLoadedCacheLeavesSearchTextInTheFileAndEqualToAFreshRender() throws {
        let site = try copyOfFixture("basic")
        let opts = options(site)
        _ = try SiteBuilder(options: opts).build()
        let store = BuildCacheStore(
            options: opts,
            configBytes: FileManager.default.contents(atPath: opts.paths.config.path))
        let loaded = store.load()
        var fresh = BuildCache()
        _ = try SiteBuilder(options: options(site, cache: false)).generate(cache: &fresh)
        #expect(!loaded.markdown.isEmpty)
        #expect(Set(loaded.markdown.keys) == Set(fresh.markdown.keys))
        for (path, entry) in loaded.markdown {
            let sections = entry.page.sections
            #expect(sections.allSatisfy { $0.text.isMapped || $0.text.utf8Count == 0 }, "\(path)")
            #expect(sections == fresh.markdown[path]?.page.sections, "\(path)")
            // The digests stored beside the text (and worked out as pages render) are the
            // text's own, which the search index's keys read instead of the text.
            let digests = sections.map(\.text.digest)
            #expect(digests == sections.map { SearchText($0.text.string).digest }, "\(path)")
            #expect(digests == fresh.markdown[path]?.page.sections.map(\.text.digest), "\(path)")
        }
    }

    @Test func aLoadedCacheLeavesLinksAndIDsInTheFileUntilRead() throws {
        let site = try copyOfFixture("broken-links")
        let opts = options(site)
        _ = try SiteBuilder(options: opts).build()
        func load() -> BuildCache {
            BuildCacheStore(
                options: opts,
                configBytes: FileManager.default.contents(atPath: opts.paths.config.path)
            ).load()
        }
        let loaded = load()
        var fresh = BuildCache()
        _ = try SiteBuilder(options: options(site, cache: false)).generate(cache: &fresh)
        #expect(loaded.markdown.values.contains { !$0.page.links.isEmpty })
        for (path, entry) in loaded.markdown {
            #expect(entry.page.storedLinks != nil, "\(path)")
            #expect(entry.page.links == fresh.markdown[path]?.page.links, "\(path)")
            #expect(entry.page.ids == fresh.markdown[path]?.page.ids, "\(path)")
            // A change decodes them into the page, which then no longer reads the file.
            var changed = entry.page
            changed.links.append(
                PageLink(
                    destination: "x.md", location: SourceLocation(path: "x.md"),
                    target: LinkTarget(sitePath: nil, fragment: nil, href: "x.md")))
            #expect(changed.storedLinks == nil)
            #expect(changed.ids == entry.page.ids)
            #expect(changed.links.dropLast() == entry.page.links[...])
        }
        // A rebuild saves the stored bytes as they were: the next load reads the same links.
        let other = site.appendingPathComponent("content/other.md")
        try (try String(contentsOf: other, encoding: .utf8) + "\nOne more line.\n").write(
            to: other, atomically: true, encoding: .utf8)
        _ = try SiteBuilder(options: opts).build()
        let reloaded = load()
        for (path, entry) in loaded.markdown where path != "other/" {
            #expect(reloaded.markdown[path]?.page.links == entry.page.links, "\(path)")
            #expect(reloaded.markdown[path]?.page.ids == entry.page.ids, "\(path)")
        }
    }

    @Test func fragmentLinksIntoCachedFilesAreCheckedAgainstTheirStoredIDs() throws {
        let site = try copyOfFixture("broken-links")
        let first = try SiteBuilder(options: options(site)).build()
        let other = site.appendingPathComponent("content/other.md")
        try (try String(contentsOf: other, encoding: .utf8) + "\nOne more line.\n").write(
            to: other, atomically: true, encoding: .utf8)
        let opts = options(site)
        let loaded = BuildCacheStore(
            options: opts,
            configBytes: FileManager.default.contents(atPath: opts.paths.config.path)
        ).load()
        #expect(loaded.outputs["index.html"]?.check.ids.isMapped == true)
        #expect(loaded.outputs["index.html"]?.check.ids.contains("nope") == false)
        let second = try SiteBuilder(options: opts).build()
        #expect(second.counts.templated == 1, "index.html comes from the cache")
        #expect(second.diagnostics == first.diagnostics)
        #expect(
            second.diagnostics.contains {
                $0.message == "broken link '/#nope': no id 'nope' on /index.html"
            })
    }

    @Test func aBrokenOrForeignCacheIsIgnored() throws {
        let site = try copyOfFixture("basic")
        _ = try SiteBuilder(options: options(site)).build()
        let file = site.appendingPathComponent(".sitegen-cache/build.cache")
        var bytes = try Data(contentsOf: file)
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: file)
        let report = try SiteBuilder(options: options(site)).build()
        #expect(report.counts.markdownRendered == report.pageCount)
        // So is one whose section file of page entries was cut short.
        let folder = site.appendingPathComponent(".sitegen-cache")
        let section = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasPrefix("pages-") }.max())
        let sectionFile = folder.appendingPathComponent(section)
        var sectionBytes = try Data(contentsOf: sectionFile)
        sectionBytes.removeLast(1)
        try sectionBytes.write(to: sectionFile)
        let cut = try SiteBuilder(options: options(site)).build()
        #expect(cut.counts.markdownRendered == cut.pageCount)
        try "title: Changed\n".write(
            to: site.appendingPathComponent("sitegen.yml"), atomically: true, encoding: .utf8)
        let changed = try SiteBuilder(options: options(site)).build()
        #expect(changed.counts.markdownRendered == changed.pageCount)
    }

    @Test func aFileEditedInTheOutputIsMadeAgain() throws {
        let site = try copyOfFixture("basic")
        _ = try SiteBuilder(options: options(site)).build()
        let page = site.appendingPathComponent("public/guide/setup/index.html")
        let original = try Data(contentsOf: page)
        try Data("tampered".utf8).write(to: page)
        _ = try SiteBuilder(options: options(site)).build()
        #expect(try Data(contentsOf: page) == original)
    }

    @Test func pageBodiesStayInOneArchiveThatIsCompactedWhenMostlyStale() throws {
        let site = try copyOfFixture("basic")
        let setup = site.appendingPathComponent("content/guide/setup.md")
        let cacheFolder = site.appendingPathComponent(".sitegen-cache")
        func archives() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)
                .filter { $0.hasPrefix("html-") }.sorted()
        }
        _ = try SiteBuilder(options: options(site)).build()
        #expect(try archives() == ["html-1.cache"])
        for round in 1...12 {
            let body = String(repeating: "Round \(round) of edits. ", count: 400)
            try "---\ntitle: Setup\nweight: 2\n---\n\(body)\n".write(
                to: setup, atomically: true, encoding: .utf8)
            _ = try SiteBuilder(options: options(site)).build()
            _ = try SiteBuilder(options: options(site, output: "clean", cache: false)).build()
            #expect(
                files(site.appendingPathComponent("public"))
                    == files(site.appendingPathComponent("clean")), "round \(round)")
        }
        let names = try archives()
        #expect(names.count == 1)
        #expect(names != ["html-1.cache"])  // compacted into a new generation at least once
        let size = try #require(
            try FileManager.default.attributesOfItem(
                atPath: cacheFolder.appendingPathComponent(names[0]).path)[.size] as? Int)
        #expect(size < 3 * 12 * 400 * 20)
    }

    @Test func aBuildFailingAfterRenderingLeavesTheCacheAsItWas() throws {
        let site = try copyOfFixture("basic")
        let cacheFolder = site.appendingPathComponent(".sitegen-cache")
        _ = try SiteBuilder(options: options(site)).build()
        let before = files(cacheFolder)
        // A page naming a missing template fails in "apply templates", after the cache's
        // rendered pages began to be saved; its long body would go into a new archive.
        let broken = site.appendingPathComponent("content/guide/broken.md")
        let body = String(repeating: "A body long enough to need a new archive. ", count: 4000)
        try "---\ntitle: Broken\ntemplate: no-such-template\n---\n\(body)\n".write(
            to: broken, atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options(site)).build() }
        #expect(files(cacheFolder) == before, "no temporary file, no new archive, same cache")
        try FileManager.default.removeItem(at: broken)
        let rebuilt = try SiteBuilder(options: options(site)).build()
        #expect(rebuilt.counts.markdownRendered == 0, "the old cache is still used")
        // An edit to one page appends its body to the current archive instead.
        let setup = site.appendingPathComponent("content/guide/setup.md")
        let original = try String(contentsOf: setup, encoding: .utf8)
        try original.replacingOccurrences(of: "---\n", with: "---\ntemplate: no-such-template\n")
            .appending(body).write(to: setup, atomically: true, encoding: .utf8)
        let unchanged = files(cacheFolder)
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options(site)).build() }
        #expect(files(cacheFolder) == unchanged, "what the failed save appended is cut again")
    }
}
