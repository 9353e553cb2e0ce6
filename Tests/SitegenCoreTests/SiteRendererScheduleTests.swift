import Testing

@testable import SitegenCore

/// Templating runs the generated files (topic pages, the largest) first, unless a page has the
/// path of one: then the old order stands, so the generated file is still written last.
@Suite struct SiteRendererScheduleTests {
    static func pages(_ paths: [String]) -> [SiteRenderer.Job] {
        paths.enumerated().map { SiteRenderer.Job(path: $1, template: "page", page: $0) }
    }

    static func generated(_ paths: [String]) -> [SiteRenderer.Job] {
        paths.map { SiteRenderer.Job(path: $0, template: "topic") { [:] } }
    }

    @Test func generatedFilesRunFirst() {
        let jobs =
            Self.pages(["index.html", "a/index.html", "b/index.html"])
            + Self.generated(["topics/index.html", "404.html"])
        #expect(SiteRenderer.schedule(jobs, pageCount: 3) == [3, 4, 0, 1, 2])
    }

    @Test func aPageOnAGeneratedPathKeepsTheOriginalOrder() {
        let jobs =
            Self.pages(["index.html", "search/index.html"])
            + Self.generated(["search/index.html", "404.html"])
        #expect(SiteRenderer.schedule(jobs, pageCount: 2) == [0, 1, 2, 3])
    }
}
