import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen build`: renders the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteArguments

    @Option(help: "The output folder (default: <source>/public).")
    var output: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print nothing but diagnostics.")
    var quiet = false

    @Flag(help: "Print the time each stage took.")
    var verbose = false

    @Flag(help: "Neither read nor write the build cache (.sitegen-cache/ at the site root).")
    var noCache = false

    func run() throws {
        let outputURL = output.map {
            URL(fileURLWithPath: $0, relativeTo: SiteArguments.currentFolder).standardizedFileURL
        }
        var options = site.options(output: outputURL, strict: strict)
        options.usesCache = !noCache
        options.exitsAfterBuild = true
        let printer = DiagnosticPrinter()
        do {
            let report = try SiteBuilder(options: options).build()
            printer.print(report.diagnostics)
            guard !quiet else { return }
            let warnings = report.diagnostics.filter { $0.severity == .warning }.count
            print(BuildSummary.line(report, warnings: warnings))
            if verbose {
                BuildSummary.stages(report.timings).forEach { print($0) }
                print(
                    "  read \(report.counts.sourcesRead) Markdown file(s), rendered \(report.counts.markdownRendered) page(s), templated \(report.counts.templated) file(s) anew, kept \(report.counts.publishedKept) published file(s)"
                        + (report.counts.searchChunks > 0
                            ? ", tokenised \(report.counts.searchChunksTokenised) of \(report.counts.searchChunks) search chunks, encoded \(report.counts.searchTermsEncoded) of \(report.counts.searchTerms) search terms, \(report.counts.searchShardsEncoded) of \(report.counts.searchShards) shards and \(report.counts.searchBlocksEncoded) of \(report.counts.searchBlocks) document blocks"
                                + (report.counts.searchPostingsPatched
                                    ? " (postings patched)" : "")
                            : "")
                )
            }
        } catch {
            printer.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            let summary =
                errors > 0 ? "\(errors) error(s)" : "warnings treated as errors (--strict)"
            let output =
                error.leftOutputUnchanged
                ? "output left unchanged"
                : "output partly updated; the next build completes it"
            FileHandle.standardError.write(Data("Build failed: \(summary); \(output).\n".utf8))
            throw ExitCode(1)
        }
    }
}
