/// How long one stage took.
public struct StageTiming: Sendable, Equatable {
    /// Stage name, such as `render Markdown`.
    public var name: String
    /// Wall time in seconds.
    public var seconds: Double
    /// The process's peak resident memory when the stage ended, in bytes.
    public var peakMemory: Int = 0
    /// Whether the stage ran on another thread beside the ones before it, so its time is not
    /// part of the build's total.
    public var isConcurrent = false
}

/// What a successful build did.
public struct BuildReport: Sendable {
    /// Number of pages rendered from content (section pages included).
    public var pageCount: Int
    /// How many files the site has.
    public var fileCount: Int
    /// The files of the site, for builds kept in memory; empty when they were written to disk.
    public var files: [OutputFile]
    /// Warnings, sorted.
    public var diagnostics: [Diagnostic]
    /// Time per stage, in order.
    public var timings: [StageTiming]
    /// How much was rendered anew rather than reused from a cache.
    public var counts = RebuildCounts()

    /// Total wall time (stages that ran beside others are counted once, in theirs).
    public var seconds: Double {
        timings.reduce(0) { $0 + ($1.isConcurrent ? 0 : $1.seconds) }
    }
}
