import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen build`: renders the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into the output folder.")

    @Option(help: "The site root holding sitegen.yml, content/ and templates/.")
    var source: String = "."

    @Option(help: "The output folder (default: <source>/public).")
    var output: String?

    @Option(help: "The base URL, such as /nexus/ or https://example.org/nexus/.")
    var baseURL: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print nothing but diagnostics.")
    var quiet = false

    @Flag(help: "Print the time each stage took.")
    var verbose = false

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: source, relativeTo: current).standardizedFileURL
        let outputURL = output.map {
            URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL
        }
        let options = BuildOptions(
            paths: SitePaths(root: root, output: outputURL), baseURL: baseURL,
            includeDrafts: drafts, strict: strict)
        let printer = DiagnosticPrinter()
        do {
            let report = try SiteBuilder(options: options).build()
            printer.print(report.diagnostics)
            guard !quiet else { return }
            let warnings = report.diagnostics.filter { $0.severity == .warning }.count
            print(BuildSummary.line(report, warnings: warnings))
            if verbose { BuildSummary.stages(report.timings).forEach { print($0) } }
        } catch {
            printer.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            let summary =
                errors > 0 ? "\(errors) error(s)" : "warnings treated as errors (--strict)"
            FileHandle.standardError.write(
                Data("Build failed: \(summary); output left unchanged.\n".utf8))
            throw ExitCode(1)
        }
    }
}
