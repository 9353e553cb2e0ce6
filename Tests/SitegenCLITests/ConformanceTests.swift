import Foundation
import Testing

/// The GitHub Flavored Markdown spec examples, run through `sitegen render` by the shared
/// `gfm_spec.py` (which ignores heading ids and permalink anchors).
@Suite struct ConformanceTests {
    static let script = CLITestSupport.repository
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/gfm_spec.py")
    static let reference =
        "cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes"

    func runSpec(_ extra: [String]) throws -> String {
        #expect(
            FileManager.default.fileExists(atPath: Self.script.path), "missing \(Self.script.path)")
        let command = "\(CLITestSupport.binary.path) render"
        let result = try CLITestSupport.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Self.script.path, "--cmd", command] + extra,
            in: try CLITestSupport.temporaryFolder())
        return result.stdout.split(separator: "\n").last.map(String.init) ?? result.stderr
    }

    @Test func matchesCmarkGFMOnEveryExample() throws {
        #expect(try runSpec(["--reference", Self.reference]) == "718 passed, 0 failed")
    }

    @Test func matchesTheSpecTextExceptWhereExtensionsChangeItOnPurpose() throws {
        let line = try runSpec([])
        let passed = Int(line.split(separator: " ").first ?? "") ?? 0
        #expect(passed >= 704, "\(line)")
    }
}
