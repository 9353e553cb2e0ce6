import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenCore

/// Markdown files unchanged since a cached build are not read again: their stamp (size, inode,
/// modification and status-change times) stands for their bytes, and their cached parse for
/// their front matter and diagnostics. Bodies are read only for pages rendered again.
@Suite struct SourceReuseTests {
    func copyOfFixture(_ name: String) throws -> URL { try TestPaths.copyOfFixture(name) }

    func build(_ site: URL, cache: inout BuildCache) throws -> BuildReport {
        let options = BuildOptions(
            paths: SitePaths(root: site, output: site.appendingPathComponent("public")))
        let report = try SiteBuilder(options: options).generate(cache: &cache)
        // As if the files had last changed long before that build began, so none is "recent".
        cache.startedAt = SourceStamp.now() + 5_000_000_000
        return report
    }

    func fresh(_ site: URL) throws -> BuildReport {
        let options = BuildOptions(
            paths: SitePaths(root: site, output: site.appendingPathComponent("public")))
        return try SiteBuilder(options: options).generate()
    }

    @Test func unchangedFilesAreNotReadAndEditsAreSeen() throws {
        let site = try copyOfFixture("basic")
        let content = site.appendingPathComponent("content")
        try "---\ntitle: Odd\ncolour: blue\n---\nA page with an unknown key.\n".write(
            to: content.appendingPathComponent("guide/odd.md"), atomically: true,
            encoding: .utf8)
        var cache = BuildCache()
        let first = try build(site, cache: &cache)
        let markdownFiles = try FileManager.default.subpathsOfDirectory(atPath: content.path)
            .filter { $0.hasSuffix(".md") }
        #expect(first.counts.sourcesRead == markdownFiles.count)
        let unchanged = try build(site, cache: &cache)
        #expect(unchanged.counts.sourcesRead == 0)
        #expect(unchanged.counts.markdownRendered == 0)
        #expect(unchanged.files == (try fresh(site)).files)
        #expect(unchanged.diagnostics == first.diagnostics, "cached parse warnings come back")
        #expect(unchanged.diagnostics.contains { $0.message.contains("'colour'") })
        // One letter changed: same size, but the file's times move.
        let setup = content.appendingPathComponent("guide/setup.md")
        let text = try String(contentsOf: setup, encoding: .utf8)
        try text.replacingOccurrences(of: "Back to", with: "Back To").write(
            to: setup, atomically: false, encoding: .utf8)
        let edited = try build(site, cache: &cache)
        #expect(edited.counts.sourcesRead == 1)
        #expect(edited.files == (try fresh(site)).files)
        #expect(
            FixtureSupport.text(edited, "guide/setup/index.html")?.contains("Back To") == true)
        // A new page changes what links resolve against: every page is rendered again, the
        // unread ones from bodies read from disk then.
        try "---\ntitle: New\n---\nSee [setup](setup.md).\n".write(
            to: content.appendingPathComponent("guide/new.md"), atomically: true,
            encoding: .utf8)
        let added = try build(site, cache: &cache)
        #expect(added.counts.sourcesRead == 1)
        #expect(added.counts.markdownRendered == added.pageCount)
        #expect(added.files == (try fresh(site)).files)
    }

    @Test func aFileReadAgainWithAnUnchangedBodyLeavesItOnDisk() {
        let text = "---\ntitle: A\n---\nThe body.\n"
        let collector = PageCollector(includeDrafts: false, jobs: 1)
        let plain = collector.collectRecording([SourceFile(path: "a.md", text: text)])
        let body = plain.pages.first { $0.sourcePath == "a.md" }
        #expect(body?.body == "The body.\n")
        #expect(body?.bodyIsOnDisk == false)
        var again = SourceFile(path: "a.md", text: text)
        again.previousBodyHash = body?.bodyHash
        let kept = collector.collectRecording([again]).pages.first { $0.sourcePath == "a.md" }
        #expect(kept?.body == "" && kept?.bodyIsOnDisk == true, "the same body stays on disk")
        #expect(kept?.bodyHash == body?.bodyHash)
        again.previousBodyHash = (body?.bodyHash ?? 0) &+ 1
        let changed = collector.collectRecording([again]).pages.first { $0.sourcePath == "a.md" }
        #expect(changed?.body == "The body.\n" && changed?.bodyIsOnDisk == false)
    }

    @Test func aFrontMatterEditRendersTheBodyFromDisk() throws {
        let site = try copyOfFixture("basic")
        var cache = BuildCache()
        _ = try build(site, cache: &cache)
        // The title changes, the body does not: the file is read, its body left on disk, and
        // the page rendered again (its key has the title) from the body read back.
        let setup = site.appendingPathComponent("content/guide/setup.md")
        let text = try String(contentsOf: setup, encoding: .utf8)
        #expect(text.contains("title: Setup"))
        try text.replacingOccurrences(of: "title: Setup", with: "title: Setting up").write(
            to: setup, atomically: true, encoding: .utf8)
        let edited = try build(site, cache: &cache)
        #expect(edited.counts.sourcesRead == 1)
        #expect(edited.counts.markdownRendered >= 1)
        #expect(edited.files == (try fresh(site)).files)
        #expect(
            FixtureSupport.text(edited, "guide/setup/index.html")?.contains("Setting up") == true)
    }

    @Test func filesChangedJustBeforeABuildAreReadAgain() throws {
        let site = try copyOfFixture("basic")
        var cache = BuildCache()
        let options = BuildOptions(
            paths: SitePaths(root: site, output: site.appendingPathComponent("public")))
        let first = try SiteBuilder(options: options).generate(cache: &cache)
        // No time has passed: a stamp taken within the same clock tick could hide a write.
        let again = try SiteBuilder(options: options).generate(cache: &cache)
        #expect(again.counts.sourcesRead == first.counts.sourcesRead)
        #expect(again.counts.sourcesRead > 0)
    }

    @Test func aChangeIsRecentWithinATickOfTheClockThatStampedIt() {
        let second = 1_000_000_000
        let start = 1_700_000_000 * second + 123_456_789
        func stamp(_ time: Int) -> SourceStamp {
            SourceStamp(size: 1, inode: 1, modified: time, changed: time)
        }
        // Fractions of a second: a quarter of a second before the build counts as recent.
        #expect(stamp(start + 5).isRecent(since: start))
        #expect(stamp(start - second / 5).isRecent(since: start))
        #expect(!stamp(start - second / 3).isRecent(since: start))
        // Whole seconds (a coarse file system): two seconds before still count.
        let whole = 1_700_000_000 * second
        #expect(stamp(whole - second).isRecent(since: start))
        #expect(stamp(whole - 2 * second + second).isRecent(since: start))
        #expect(!stamp(whole - 3 * second).isRecent(since: start))
        // One time with a fraction is enough to tell a fine clock.
        let mixed = SourceStamp(
            size: 1, inode: 1, modified: whole - second, changed: start - second)
        #expect(!mixed.isRecent(since: start))
    }

    @Test func aBodyThatCannotBeReadBackFailsTheBuildInsteadOfRenderingEmpty() {
        var page = Page(
            sourcePath: "a.md", sitePath: "a/", sectionPath: nil, parentSection: "",
            fallbackTitle: "A")
        page.bodyIsOnDisk = true
        let stage = MarkdownStage(options: MarkdownOptions(), baseURL: BaseURL("/"), jobs: 1)
        let failed = stage.render([page], cache: [:]) { _ in nil }
        #expect(failed.unreadable.map(\.sourcePath) == ["a.md"])
        let read = stage.render([page], cache: [:]) { _ in "Hello there." }
        #expect(read.unreadable.isEmpty)
        #expect(read.pages.first?.html.contains("Hello there.") == true)
    }
}
