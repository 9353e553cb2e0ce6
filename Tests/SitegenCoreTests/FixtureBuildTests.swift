import Foundation
import Testing

@testable import SitegenCore

/// Fixture sites built end to end and compared with their expected output.
@Suite struct FixtureBuildTests {
    /// Files of the `basic` fixture whose whole text is pinned in `expected/`.
    static let basicGoldenFiles = [
        "guide/intro/index.html", "guide/setup/index.html", "reference/api/index.html",
        "search.json", "topics.json", "sitemap.xml", "feed.xml", "robots.txt", "install/index.html",
    ]

    @Test(arguments: basicGoldenFiles)
    func basicFixtureMatchesExpectedOutput(path: String) throws {
        let report = try FixtureSupport.generate("basic")
        let text = try #require(FixtureSupport.text(report, path), "no \(path) in output")
        try FixtureSupport.expectGolden(text, fixture: "basic", golden: "expected/" + path)
    }

    @Test func basicFixtureWritesEveryPageAndAsset() throws {
        let report = try FixtureSupport.generate("basic")
        let paths = Set(report.files.map(\.path))
        let expected: Set<String> = [
            "index.html", "guide/index.html", "guide/intro/index.html", "guide/setup/index.html",
            "reference/index.html", "reference/api/index.html", "CNAME", "guide/diagram.svg",
            "topics/index.html", "topics/setup/index.html", "topics/api/index.html",
            "topics/caching/index.html", "search/index.html", "404.html", "search.json",
            "topics.json", "assets/favicon.svg", "sitemap.xml", "robots.txt", "feed.xml",
            "install/index.html", "old-setup.html",
        ]
        #expect(
            expected.subtracting(paths).isEmpty, "missing: \(expected.subtracting(paths).sorted())")
        #expect(!paths.contains("guide/draft/index.html"), "drafts are left out by default")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(
            paths.contains {
                $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") && $0 != "assets/style.css"
            })
    }

    @Test func draftsAreIncludedWhenAsked() throws {
        var options = try FixtureSupport.options("basic")
        options.includeDrafts = true
        let report = try SiteBuilder(options: options).generate()
        #expect(report.files.contains { $0.path == "guide/draft/index.html" })
    }

    @Test func baseURLOverridePrefixesEveryInternalLink() throws {
        var options = try FixtureSupport.options("basic")
        options.baseURL = "https://example.org/nexus/"
        let report = try SiteBuilder(options: options).generate()
        let html = try #require(FixtureSupport.text(report, "guide/intro/index.html"))
        #expect(html.contains("href=\"/nexus/guide/setup/#install-it\""))
        #expect(html.contains("src=\"/nexus/guide/diagram.svg\""))
        #expect(!html.contains("href=\"/docs/"))
    }

    @Test func generatedSectionPageListsItsChildren() throws {
        let report = try FixtureSupport.generate("basic")
        let html = try #require(FixtureSupport.text(report, "reference/index.html"))
        #expect(html.contains("<h1>Reference</h1>"))
        #expect(html.contains("href=\"/docs/reference/api/\""))
    }

    @Test func topicPagesListTheirPagesWithSummaries() throws {
        let report = try FixtureSupport.generate("basic")
        let html = try #require(FixtureSupport.text(report, "topics/setup/index.html"))
        #expect(html.contains("Setting up"))
        for title in ["Introduction", "Setup", "API reference"] { #expect(html.contains(title)) }
        #expect(html.contains("Installing the fixture."))
        let index = try #require(FixtureSupport.text(report, "topics/index.html"))
        #expect(index.contains("3 pages") && index.contains("1 page<"))
    }

    @Test func plainMarkdownFolderBuildsWithWorkingLinks() throws {
        let report = try FixtureSupport.generate("plain-docs")
        #expect(
            report.diagnostics.map(\.message) == [
                "baseURL '/' has no scheme and host: sitemap.xml, robots.txt, feed.xml, canonical URLs and Open Graph tags are left out"
            ])
        let home = try #require(FixtureSupport.text(report, "index.html"))
        #expect(home.contains("<h1>Project docs</h1>"))
        #expect(home.contains("href=\"/guide/setup/#install-it\""))
        let intro = try #require(FixtureSupport.text(report, "guide/intro/index.html"))
        #expect(intro.contains("<title>Introduction · Documentation</title>"))
        #expect(intro.contains("content=\"The introduction explains the project.\""))
        #expect(intro.contains("href=\"/\">home</a>"))
        let setup = try #require(FixtureSupport.text(report, "guide/setup/index.html"))
        #expect(setup.contains("<title>Setup · Documentation</title>"))
    }

    @Test func brokenLinksAndUndeclaredTopicsAreReportedOnce() throws {
        let report = try FixtureSupport.generate("broken-links")
        try FixtureSupport.expectGolden(
            FixtureSupport.lines(report.diagnostics), fixture: "broken-links",
            golden: "expected-diagnostics.txt")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        #expect(throws: BuildFailure.self) {
            try FixtureSupport.generate("broken-links", strict: true)
        }
    }

    @Test(arguments: [
        "invalid-front-matter", "invalid-config", "invalid-template", "invalid-collision",
        "invalid-page-template",
    ])
    func invalidFixtureReportsExpectedDiagnostics(name: String) throws {
        do {
            let report = try FixtureSupport.generate(name)
            Issue.record("\(name) built although it is invalid: \(report.diagnostics)")
        } catch {
            try FixtureSupport.expectGolden(
                FixtureSupport.lines(error.diagnostics), fixture: name,
                golden: "expected-diagnostics.txt")
        }
    }

    @Test func parallelOutputEqualsSerialOutput() throws {
        for name in ["basic", "plain-docs"] {
            let serial = try FixtureSupport.generate(name, jobs: 1)
            let parallel = try FixtureSupport.generate(name, jobs: 4)
            #expect(serial.files == parallel.files, "\(name)")
        }
    }
}
