import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen check`: every build check (front matter, templates, links, anchors, duplicate ids)
/// without writing any output.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Run every build check without writing output.")

    @Option(help: "The site root holding sitegen.yml, content/ and templates/.")
    var source: String = "."

    @Option(help: "The base URL, such as /nexus/ or https://example.org/nexus/.")
    var baseURL: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Exit non-zero on warnings too.")
    var strict = false

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: source, relativeTo: current).standardizedFileURL
        let options = BuildOptions(
            paths: SitePaths(root: root), baseURL: baseURL, includeDrafts: drafts, strict: strict)
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
