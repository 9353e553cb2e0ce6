/// Diagnostics collected across stages, reported together, sorted and without repeats.
public struct DiagnosticList: Sendable, Equatable {
    private var items: [Diagnostic] = []

    /// Creates an empty list.
    public init() {}

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    /// Adds several diagnostics.
    public mutating func append(contentsOf diagnostics: [Diagnostic]) {
        items.append(contentsOf: diagnostics)
    }

    /// All diagnostics, sorted by file, line and column, each once.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// The number of distinct warnings.
    public var warningCount: Int { sorted.filter { $0.severity == .warning }.count }
}
