import Foundation
import Testing

@testable import SitegenCore

/// A rebuild takes the Markdown link check's warnings from the cache while no page's links,
/// ids or path changed, and checks again when one did; either way the warnings equal a fresh
/// build's.
@Suite struct LinkCheckCacheTests {
    /// A site of two guides: one links to the other's heading and to a missing page.
    static func makeSite() throws -> URL {
        let root = try TestPaths.temporaryFolder().appendingPathComponent("site")
        let guide = root.appendingPathComponent("content/guide")
        try FileManager.default.createDirectory(at: guide, withIntermediateDirectories: true)
        try "title: Links\nbaseURL: https://example.org/docs/\n".write(
            to: root.appendingPathComponent("sitegen.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Start\n---\nSee [install](setup.md#install) and [gone](gone.md).\n"
            .write(to: guide.appendingPathComponent("start.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Setup\n---\n## Install\n\nSteps.\n".write(
            to: guide.appendingPathComponent("setup.md"), atomically: true, encoding: .utf8)
        return root
    }

    static func options(_ root: URL, output: String = "public", cache: Bool = true)
        -> BuildOptions
    {
        BuildOptions(
            paths: SitePaths(root: root, output: root.appendingPathComponent(output)),
            usesCache: cache)
    }

    static func edit(_ root: URL, _ page: String, _ change: (String) -> String) throws {
        let file = root.appendingPathComponent("content/guide/\(page).md")
        try change(try String(contentsOf: file, encoding: .utf8)).write(
            to: file, atomically: true, encoding: .utf8)
    }

    /// The warnings of a build without a cache.
    static func freshWarnings(_ root: URL) throws -> [String] {
        try SiteBuilder(options: options(root, cache: false)).generate().diagnostics.map(
            \.description)
    }

    @Test func inMemoryRebuildsReuseTheCheckOnlyWhileItsInputIsUnchanged() throws {
        let site = try Self.makeSite()
        var cache = BuildCache()
        let first = try SiteBuilder(options: Self.options(site)).generate(cache: &cache)
        #expect(first.counts.pagesLinkChecked == first.pageCount)
        #expect(first.diagnostics.contains { $0.message.contains("'gone.md'") })
        // A paragraph after the links: no link moves, so the last warnings stand.
        try Self.edit(site, "start") { $0 + "\nMore words.\n" }
        let body = try SiteBuilder(options: Self.options(site)).generate(cache: &cache)
        #expect(body.counts.markdownRendered == 1)
        #expect(body.counts.pagesLinkChecked == 0)
        #expect(body.diagnostics.map(\.description) == (try Self.freshWarnings(site)))
        // The heading a link names is renamed on the other page: its id changed.
        try Self.edit(site, "setup") { $0.replacingOccurrences(of: "## Install", with: "## Run") }
        let heading = try SiteBuilder(options: Self.options(site)).generate(cache: &cache)
        #expect(heading.counts.pagesLinkChecked == heading.pageCount)
        #expect(heading.diagnostics.contains { $0.message.contains("no heading '#install'") })
        #expect(heading.diagnostics.map(\.description) == (try Self.freshWarnings(site)))
        // A line before the links moves them: the warnings name the new lines.
        try Self.edit(site, "start") {
            $0.replacingOccurrences(of: "See [install]", with: "Intro.\n\nSee [install]")
        }
        let moved = try SiteBuilder(options: Self.options(site)).generate(cache: &cache)
        #expect(moved.counts.pagesLinkChecked == moved.pageCount)
        #expect(moved.diagnostics.map(\.description) != heading.diagnostics.map(\.description))
        #expect(moved.diagnostics.map(\.description) == (try Self.freshWarnings(site)))
    }

    @Test func theDiskCacheKeepsTheCheckBetweenBuilds() throws {
        let site = try Self.makeSite()
        let first = try SiteBuilder(options: Self.options(site)).build()
        #expect(first.counts.pagesLinkChecked == first.pageCount)
        try Self.edit(site, "setup") { $0 + "\nMore steps.\n" }
        let second = try SiteBuilder(options: Self.options(site)).build()
        #expect(second.counts.pagesLinkChecked == 0, "the warnings were read back")
        #expect(second.diagnostics.map(\.description) == (try Self.freshWarnings(site)))
        #expect(second.diagnostics.contains { $0.message.contains("'gone.md'") })
    }

    @Test func aPageDigestFollowsItsLinksLocationsAndIds() {
        let link = PageLink(
            destination: "setup.md#install",
            location: SourceLocation(path: "content/guide/start.md", line: 4, column: 5),
            target: LinkTarget(sitePath: "guide/setup/", fragment: "install", href: "/setup/"))
        var moved = link
        moved.location.line = 6
        let base = LinkChecker.digest(links: [link], ids: ["intro"])
        #expect(base == LinkChecker.digest(links: [link], ids: ["intro"]))
        #expect(base != LinkChecker.digest(links: [moved], ids: ["intro"]))
        #expect(base != LinkChecker.digest(links: [link], ids: ["intro", "more"]))
        #expect(base != LinkChecker.digest(links: [], ids: ["intro"]))
    }
}
