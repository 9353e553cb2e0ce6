import Foundation

/// Runs named stages in order, timing each and collecting diagnostics; stops after a stage
/// that reported an error.
struct StageRunner {
    private(set) var diagnostics = DiagnosticList()
    private(set) var timings: [StageTiming] = []
    /// What was computed anew rather than reused.
    var counts = RebuildCounts()

    /// Runs one stage.
    mutating func run<T>(_ name: String, _ body: () -> (T, [Diagnostic])) throws(BuildFailure) -> T
    {
        let start = DispatchTime.now().uptimeNanoseconds
        let (value, problems) = body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        timings.append(StageTiming(name: name, seconds: elapsed, peakMemory: Self.peakMemory()))
        diagnostics.append(contentsOf: problems)
        if diagnostics.hasErrors {
            throw BuildFailure(stage: name, diagnostics: diagnostics.sorted)
        }
        return value
    }

    /// Records a stage that ran beside others (on another thread), with its own duration.
    mutating func record(_ name: String, seconds: Double, diagnostics problems: [Diagnostic])
        throws(BuildFailure)
    {
        timings.append(
            StageTiming(
                name: name, seconds: seconds, peakMemory: Self.peakMemory(), isConcurrent: true))
        diagnostics.append(contentsOf: problems)
        if diagnostics.hasErrors {
            throw BuildFailure(stage: name, diagnostics: diagnostics.sorted)
        }
    }

    /// The process's peak resident memory so far, in bytes.
    static func peakMemory() -> Int {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
    }

    /// Runs a stage that reports nothing.
    mutating func run<T>(_ name: String, _ body: () -> T) throws(BuildFailure) -> T {
        try run(name) { (body(), []) }
    }
}
