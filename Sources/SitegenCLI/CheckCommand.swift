import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen check`: every build check (front matter, templates, links, anchors, duplicate ids)
/// without writing any output.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Run every build check without writing output.")

    @OptionGroup var site: SiteArguments

    @Flag(help: "Exit non-zero on warnings too.")
    var strict = false

    func run() throws {
        let options = site.options(strict: strict)
        let printer = DiagnosticPrinter()
        do {
            let report = try SiteBuilder(options: options).generate()
            printer.print(report.diagnostics)
            let warnings = report.diagnostics.filter { $0.severity == .warning }.count
            print(
                "Checked \(report.pageCount) pages: \(warnings) warning\(warnings == 1 ? "" : "s")")
        } catch {
            printer.print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
