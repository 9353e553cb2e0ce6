/// A build that stopped: the stage that failed and every diagnostic collected until then.
public struct BuildFailure: Error, Sendable, Equatable {
    /// The name of the stage that failed.
    public var stage: String
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(stage: String, diagnostics: [Diagnostic]) {
        self.stage = stage
        self.diagnostics = diagnostics.sorted()
    }
}
