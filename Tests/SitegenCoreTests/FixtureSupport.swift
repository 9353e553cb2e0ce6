import Foundation
import Testing

@testable import SitegenCore

/// Builds fixture sites and compares them with golden files beside them.
///
/// `SITEGEN_RECORD=1` rewrites the golden files and fails the test, so a recording is never
/// mistaken for a pass.
enum FixtureSupport {
    /// Whether golden files are being recorded.
    static var recording: Bool { ProcessInfo.processInfo.environment["SITEGEN_RECORD"] != nil }

    /// Build options for a fixture, with the output in a fresh temporary folder.
    static func options(_ name: String, strict: Bool = false, jobs: Int? = nil) throws
        -> BuildOptions
    {
        let output = try TestPaths.temporaryFolder().appendingPathComponent("public")
        return BuildOptions(
            paths: SitePaths(root: TestPaths.fixture(name), output: output), strict: strict,
            jobs: jobs)
    }

    /// Builds a fixture in memory.
    static func generate(_ name: String, strict: Bool = false, jobs: Int? = nil)
        throws(BuildFailure) -> BuildReport
    {
        // The options only fail on a missing temporary folder, which no fixture test survives anyway.
        let options = try? options(name, strict: strict, jobs: jobs)
        guard let options else { throw BuildFailure(stage: "setup", diagnostics: []) }
        return try SiteBuilder(options: options).generate()
    }

    /// The built file at `path` as text, or nil.
    static func text(_ report: BuildReport, _ path: String) -> String? {
        report.files.first { $0.path == path }?.bytes().map { String(decoding: $0, as: UTF8.self) }
    }

    /// Compares `actual` with the golden file `Fixtures/<fixture>/<golden>`, or records it.
    static func expectGolden(
        _ actual: String, fixture: String, golden: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let url = TestPaths.fixture(fixture).appendingPathComponent(golden)
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(fixture)/\(golden)", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(fixture)/\(golden) differs", sourceLocation: sourceLocation)
    }

    /// Diagnostics as the CLI prints them, one per line.
    static func lines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map { $0.description + "\n" }.joined()
    }
}
