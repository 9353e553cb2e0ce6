import Testing

@testable import SitegenCore

/// A build's total time counts a stage that ran beside others only once.
@Suite struct BuildReportTests {
    @Test func concurrentStagesAreLeftOutOfTheTotal() {
        let report = BuildReport(
            pageCount: 0, fileCount: 0, files: [], diagnostics: [],
            timings: [
                StageTiming(name: "apply templates", seconds: 2),
                StageTiming(name: "build search index", seconds: 1.5, isConcurrent: true),
                StageTiming(name: "write", seconds: 0.25),
            ])
        #expect(report.seconds == 2.25)
    }

    @Test func theSearchIndexIsRecordedAsConcurrent() throws {
        let report = try FixtureSupport.generate("plain-docs")
        let search = try #require(report.timings.first { $0.name == "build search index" })
        #expect(search.isConcurrent)
        #expect(report.timings.filter(\.isConcurrent).count == 1)
    }
}
