import ArgumentParser
import Foundation
import SitegenMarkdown

/// `sitegen render`: Markdown on stdin, the page-body HTML on stdout.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Markdown from stdin to the HTML a page body gets.")

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let markdown = String(decoding: data, as: UTF8.self)
        let html = MarkdownRenderer().render(markdown).html
        FileHandle.standardOutput.write(Data(html.utf8))
    }
}
