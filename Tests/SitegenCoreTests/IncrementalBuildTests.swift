import Foundation
import Testing

@testable import SitegenCore

/// A build reusing the previous build's results equals a fresh build, byte for byte, after
/// edits, renames and deletions; and it redoes only what depends on a change.
@Suite struct IncrementalBuildTests {
    func copyOfFixture(_ name: String) throws -> URL { try TestPaths.copyOfFixture(name) }

    func options(_ root: URL) -> BuildOptions {
        BuildOptions(paths: SitePaths(root: root, output: root.appendingPathComponent("public")))
    }

    @Test func incrementalBuildsEqualFreshBuildsThroughASequenceOfChanges() throws {
        let site = try copyOfFixture("basic")
        let content = site.appendingPathComponent("content")
        let manager = FileManager.default
        var cache = BuildCache()
        _ = try SiteBuilder(options: options(site)).generate(cache: &cache)
        let intro = content.appendingPathComponent("guide/intro.md")
        func editIntro(_ from: String, _ to: String) throws {
            let text = try String(contentsOf: intro, encoding: .utf8)
            try text.replacingOccurrences(of: from, with: to).write(
                to: intro, atomically: true, encoding: .utf8)
        }
        let edits: [() throws -> Void] = [
            { try editIntro("title: Introduction", "title: Getting started") },
            { try editIntro("weight: 1", "weight: 3") },
            { try editIntro("topics: [setup, caching]", "topics: [caching]") },
            { try editIntro("summary: What the fixture is.", "summary: What it is.") },
            { try editIntro("date: 2024-03-01", "date: 2024-03-02") },
            { try editIntro("Read [setup]", "## A new heading\n\nRead [setup]") },
            {
                try "---\ntitle: Setup\nweight: 2\n---\n## Install it\n\nNew text.\n".write(
                    to: content.appendingPathComponent("guide/setup.md"), atomically: true,
                    encoding: .utf8)
            },
            {
                try manager.moveItem(
                    at: content.appendingPathComponent("guide/setup.md"),
                    to: content.appendingPathComponent("guide/installing.md"))
            },
            {
                try "---\ntitle: Brand new\ntopics: [api]\n---\nHello.\n".write(
                    to: content.appendingPathComponent("reference/new.md"), atomically: true,
                    encoding: .utf8)
            },
            { try manager.removeItem(at: content.appendingPathComponent("reference/api.md")) },
            {
                try "<p>{{page.title}}</p>{{{page.content}}}\n".write(
                    to: site.appendingPathComponent("templates/page.mustache"), atomically: true,
                    encoding: .utf8)
            },
            {
                try "title: Renamed site\nbaseURL: https://example.org/x/\n".write(
                    to: site.appendingPathComponent("sitegen.yml"), atomically: true,
                    encoding: .utf8)
            },
        ]
        for (step, edit) in edits.enumerated() {
            try edit()
            let incremental = try SiteBuilder(options: options(site)).generate(cache: &cache)
            let fresh = try SiteBuilder(options: options(site)).generate()
            #expect(incremental.files == fresh.files, "step \(step)")
        }
    }

    @Test func pageKeysCoverEveryFrontMatterField() {
        let fields = Mirror(reflecting: FrontMatter()).children.count
        #expect(
            fields == PageKeys.frontMatterFields,
            "FrontMatter changed: add the new field to PageKeys.combine and update the count")
        #expect(
            fields == BuildCacheStore.frontMatterFields,
            "FrontMatter changed: add the new field to BuildCacheStore's front matter coding")
    }

    @Test func rawHTMLLinksAreCheckedAgainWhenTheSetOfFilesChanges() throws {
        let site = try copyOfFixture("basic")
        let content = site.appendingPathComponent("content")
        try "---\ntitle: Raw\n---\nSee <a href=\"/docs/reference/target/\">the target</a>.\n"
            .write(
                to: content.appendingPathComponent("guide/raw.md"), atomically: true,
                encoding: .utf8)
        let target = content.appendingPathComponent("reference/target.md")
        try "---\ntitle: Target\n---\nHere.\n".write(to: target, atomically: true, encoding: .utf8)
        var cache = BuildCache()
        let first = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(!first.diagnostics.contains { $0.message.contains("reference/target/") })
        try FileManager.default.removeItem(at: target)
        let incremental = try SiteBuilder(options: options(site)).generate(cache: &cache)
        let fresh = try SiteBuilder(options: options(site)).generate()
        #expect(fresh.diagnostics.contains { $0.message.contains("reference/target/") })
        #expect(incremental.diagnostics == fresh.diagnostics)
        #expect(incremental.files == fresh.files)
    }

    @Test func editingOneNoteRedoesOnlyWhatDependsOnIt() throws {
        let site = try copyOfFixture("basic")
        var cache = BuildCache()
        let first = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(first.counts.markdownRendered == 6)
        let note = site.appendingPathComponent("content/reference/api.md")
        let text = try String(contentsOf: note, encoding: .utf8)
        try text.replacingOccurrences(of: "lists notes", with: "lists every note").write(
            to: note, atomically: true, encoding: .utf8)
        let second = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(second.counts.markdownRendered == 1)
        #expect(second.counts.templated == 1, "only the note's own page shows its body")
        let unchanged = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(unchanged.counts.markdownRendered == 0)
        #expect(unchanged.counts.templated == 0)
    }

    @Test func relatedPagesAreFoundAgainOnlyWhenTopicsChange() throws {
        let site = try copyOfFixture("basic")
        var cache = BuildCache()
        let first = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(first.counts.pagesRelated == first.pageCount)
        let note = site.appendingPathComponent("content/reference/api.md")
        let text = try String(contentsOf: note, encoding: .utf8)
        try (text + "\nMore text.\n").write(to: note, atomically: true, encoding: .utf8)
        let bodyEdit = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(bodyEdit.counts.pagesRelated == 0)
        #expect(bodyEdit.files == (try SiteBuilder(options: options(site)).generate()).files)
        let setup = site.appendingPathComponent("content/guide/setup.md")
        let setupText = try String(contentsOf: setup, encoding: .utf8)
        try setupText.replacingOccurrences(of: "topics: [setup]", with: "topics: [setup, api]")
            .write(to: setup, atomically: true, encoding: .utf8)
        let topicEdit = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(topicEdit.counts.pagesRelated == topicEdit.pageCount)
        #expect(topicEdit.files == (try SiteBuilder(options: options(site)).generate()).files)
    }

    @Test func editingOneNoteOfASplitIndexSiteTemplatesOneFile() throws {
        let site = try copyOfFixture("split-search")
        var cache = BuildCache()
        let first = try SiteBuilder(options: options(site)).generate(cache: &cache)
        #expect(first.files.contains { $0.path == "search/manifest.json" })
        let content = site.appendingPathComponent("content")
        let notes = try FileManager.default.subpathsOfDirectory(atPath: content.path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("index.md") }.sorted()
        let note = content.appendingPathComponent(try #require(notes.first))
        let text = try String(contentsOf: note, encoding: .utf8)
        try (text + "\nA sentence with zebrafish in it.\n").write(
            to: note, atomically: true, encoding: .utf8)
        let second = try SiteBuilder(options: options(site)).generate(cache: &cache)
        let fresh = try SiteBuilder(options: options(site)).generate()
        #expect(second.files == fresh.files)
        #expect(second.counts.markdownRendered == 1)
        #expect(
            second.counts.templated == 1,
            "the split index's versioned file names must not force every page again")
    }
}
