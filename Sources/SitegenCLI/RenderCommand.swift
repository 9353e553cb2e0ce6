import ArgumentParser
import Foundation
import SitegenCore
import SitegenMarkdown

/// `sitegen render`: Markdown on stdin, the page-body HTML on stdout.
///
/// Uses the Markdown options of `sitegen.yml` in the current folder, or the defaults.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Markdown from stdin to the HTML a page body gets.")

    func run() throws {
        let options = try markdownOptions()
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let html = MarkdownRenderer(options: options).render(String(decoding: data, as: UTF8.self))
            .html
        FileHandle.standardOutput.write(Data(html.utf8))
    }

    private func markdownOptions() throws -> MarkdownOptions {
        let path = FileManager.default.currentDirectoryPath + "/sitegen.yml"
        guard let data = FileManager.default.contents(atPath: path) else {
            return MarkdownOptions()
        }
        let (config, diagnostics) = SiteConfigLoader().decode(String(decoding: data, as: UTF8.self))
        if diagnostics.contains(where: { $0.severity == .error }) {
            DiagnosticPrinter().print(diagnostics)
            throw ExitCode(1)
        }
        return config.markdown
    }
}
