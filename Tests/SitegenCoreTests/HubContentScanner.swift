import Foundation

@testable import SitegenCore

/// One Markdown file of the hub's `content/` folder, with its front matter decoded.
struct HubPage {
    /// Path relative to the repository, such as `content/concepts/celery-tasks.md`.
    var path: String
    var frontMatter: FrontMatter
    var split: FrontMatterParser.Split
    var diagnostics: [Diagnostic]

    /// Section pages (`index.md`, `_index.md`, `README.md`) introduce a folder; the rest are notes.
    var isSectionPage: Bool {
        ["index.md", "_index.md", "README.md"].contains((path as NSString).lastPathComponent)
    }
}

/// Reads the hub's content and runs the external checkers the tests rely on.
enum HubContentScanner {
    static let contentFolder = TestPaths.repository.appendingPathComponent("content")
    static let configFile = TestPaths.repository.appendingPathComponent("sitegen.yml")

    /// Every Markdown file under `content/`, sorted by path.
    static func pages() throws -> [HubPage] {
        let root = contentFolder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var pages: [HubPage] = []
        for case let relative as String in walker where relative.hasSuffix(".md") {
            let path = "content/\(relative)"
            let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            let (frontMatter, split, diagnostics) = FrontMatterParser(path: path).parse(text)
            pages.append(
                HubPage(
                    path: path, frontMatter: frontMatter, split: split, diagnostics: diagnostics))
        }
        return pages.sorted { $0.path < $1.path }
    }

    /// The site configuration decoded from `sitegen.yml`.
    static func config() throws -> (SiteConfig, [Diagnostic]) {
        SiteConfigLoader().decode(try String(contentsOf: configFile, encoding: .utf8))
    }

    /// Words in `text`: whitespace-separated tokens holding at least one letter or digit.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace })
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
            .count
    }

    /// Runs `python3 arguments…` with `input` written to a temporary file (passed as `{file}` in
    /// the arguments) and also fed on stdin. Returns the exit status and stderr.
    static func python(_ arguments: [String], input: String, suffix: String) throws -> (
        Int32, String
    ) {
        let folder = try TestPaths.temporaryFolder()  // py_compile leaves __pycache__ beside the file
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("block\(suffix)")
        try input.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments.map { $0 == "{file}" ? file.path : $0 }
        process.standardInput = try FileHandle(forReadingFrom: file)
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
