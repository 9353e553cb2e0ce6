import Foundation
import SitegenCore

/// The summary lines printed after a build.
enum BuildSummary {
    /// `Built 42 pages (118 files) in 0.35 s, 0 warnings`.
    static func line(_ report: BuildReport, warnings: Int) -> String {
        String(
            format: "Built %d pages (%d files) in %.2f s, %d warning%@",
            report.pageCount, report.fileCount, report.seconds, warnings, warnings == 1 ? "" : "s"
        )
    }

    /// One line per stage: name, milliseconds and the peak memory so far; a stage that ran on
    /// another thread says so.
    static func stages(_ timings: [StageTiming]) -> [String] {
        timings.map { timing in
            let name = timing.name.padding(toLength: 22, withPad: " ", startingAt: 0)
            return "  " + name
                + String(
                    format: "%8.1f ms  peak %5.0f MB", timing.seconds * 1000,
                    Double(timing.peakMemory) / 1_048_576)
                + (timing.isConcurrent ? "  (beside the stages above)" : "")
        }
    }
}
