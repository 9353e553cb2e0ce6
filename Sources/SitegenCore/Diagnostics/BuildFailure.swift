/// A build that stopped: the stage that failed and every diagnostic collected until then.
public struct BuildFailure: Error, Sendable, Equatable {
    /// The name of the stage that failed.
    public var stage: String
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]

    /// The stage that moves new files into an existing output; a failure there (a disk error)
    /// can leave the output partly updated, which the next build completes.
    public static let updateStage = "update output"

    /// Whether the previous output is exactly as it was.
    public var leftOutputUnchanged: Bool { stage != Self.updateStage }

    /// Creates a failure.
    public init(stage: String, diagnostics: [Diagnostic]) {
        self.stage = stage
        self.diagnostics = diagnostics.sorted()
    }
}
