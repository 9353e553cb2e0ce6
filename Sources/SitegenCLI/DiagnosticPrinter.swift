import Foundation
import SitegenCore

/// Prints diagnostics to stderr as `path:line:col: error|warning: message`, sorted.
public struct DiagnosticPrinter {
    /// Creates a printer.
    public init() {}

    /// The lines for a list of diagnostics, sorted by file and line.
    public func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sorted().map(\.description)
    }

    /// Writes the diagnostics to stderr.
    public func print(_ diagnostics: [Diagnostic]) {
        let text = lines(diagnostics).map { $0 + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
