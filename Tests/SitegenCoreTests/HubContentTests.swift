import Foundation
import Testing

@testable import SitegenCore

/// A fenced code block found in a page body.
private struct CodeBlock {
    /// The whole info string after the opening fence, such as `python complete`.
    var info: String
    /// 1-based line of the opening fence in the file.
    var line: Int
    /// The lines between the fences.
    var code: String

    /// The first word of the info string (the language), or "" when there is none.
    var language: String { info.split(separator: " ").first.map(String.init) ?? "" }
}

/// A page body split into prose (fences removed) and its code blocks.
private struct ScannedBody {
    var prose: String
    var blocks: [CodeBlock]
    /// Line of an opening fence that is never closed, if any.
    var unclosedLine: Int?
}

/// Splits `body` into prose and fenced blocks. A fence is a line starting (after indentation)
/// with three or more backticks or tildes; it is closed by a line of the same character, at least
/// as long, with nothing after it. `firstLine` is the file line the body starts on.
private func scanFences(_ body: String, firstLine: Int) -> ScannedBody {
    var result = ScannedBody(prose: "", blocks: [])
    var open: (marker: Character, length: Int, info: String, line: Int)?
    var code: [Substring] = []
    for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let marker = trimmed.first
        let run = marker == "`" || marker == "~" ? trimmed.prefix { $0 == marker } : ""
        if let fence = open {
            let rest = trimmed.dropFirst(run.count).trimmingCharacters(in: .whitespaces)
            if marker == fence.marker && run.count >= fence.length && rest.isEmpty {
                result.blocks.append(
                    CodeBlock(
                        info: fence.info, line: fence.line, code: code.joined(separator: "\n")))
                open = nil
                code = []
            } else {
                code.append(line)
            }
        } else if let marker, run.count >= 3 {
            let info = trimmed.dropFirst(run.count).trimmingCharacters(in: .whitespaces)
            open = (marker, run.count, info, firstLine + index)
        } else {
            result.prose += line + "\n"
        }
    }
    result.unclosedLine = open?.line
    return result
}

/// Checks the promises the Nexus hub content makes: enough substantial notes, a consistent topic
/// vocabulary, front matter that parses, and code blocks that are valid Python, YAML and JSON.
@Suite struct HubContentTests {
    /// Every page with its scanned body.
    private static func scannedPages() throws -> [(page: HubPage, body: ScannedBody)] {
        try HubContentScanner.pages().map { page in
            (page, scanFences(page.split.body, firstLine: page.split.bodyLineOffset + 1))
        }
    }

    /// Every code block of every page whose info string satisfies `matches`.
    private static func blocks(where matches: (CodeBlock) -> Bool) throws -> [(
        path: String, block: CodeBlock
    )] {
        try scannedPages().flatMap { entry in
            entry.body.blocks.filter(matches).map { (entry.page.path, $0) }
        }
    }

    @Test func notesAreSubstantialAndTagged() throws {
        let declared = Set(try HubContentScanner.config().0.topics.map(\.slug))
        let notes = try Self.scannedPages().filter { !$0.page.isSectionPage }
        #expect(notes.count >= 30, "expected at least 30 notes, found \(notes.count)")
        for (page, body) in notes {
            var problems: [String] = []
            let words = HubContentScanner.wordCount(body.prose)
            if words < 350 { problems.append("only \(words) words outside code blocks (need 350)") }
            let matter = page.frontMatter
            if (matter.title ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("empty title")
            }
            if (matter.summary ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("empty summary")
            }
            if matter.topics.isEmpty { problems.append("no topics") }
            let undeclared = matter.topics.filter { !declared.contains($0) }
            if !undeclared.isEmpty { problems.append("undeclared topics \(undeclared)") }
            if !body.blocks.contains(where: { !$0.language.isEmpty }) {
                problems.append("no fenced code block naming a language")
            }
            #expect(problems.isEmpty, "\(page.path): \(problems.joined(separator: "; "))")
        }
    }

    @Test func declaredTopicsAreDescribedAndUsed() throws {
        let (config, diagnostics) = try HubContentScanner.config()
        #expect(!diagnostics.contains { $0.severity == .error }, "sitegen.yml: \(diagnostics)")
        #expect(config.declaresTopics && !config.topics.isEmpty, "sitegen.yml declares no topics")
        let used = Set(try HubContentScanner.pages().flatMap(\.frontMatter.topics))
        for topic in config.topics {
            #expect(
                !topic.title.trimmingCharacters(in: .whitespaces).isEmpty,
                "topic '\(topic.slug)' has no title")
            #expect(
                !topic.description.trimmingCharacters(in: .whitespaces).isEmpty,
                "topic '\(topic.slug)' has no description")
            #expect(
                used.contains(topic.slug), "topic '\(topic.slug)' is declared but no page uses it")
        }
    }

    @Test func everyPageHasFrontMatterThatParses() throws {
        let pages = try Self.scannedPages()
        #expect(!pages.isEmpty, "no Markdown files under content/")
        for (page, body) in pages {
            #expect(page.split.yaml != nil, "\(page.path): no front matter")
            let errors = page.diagnostics.filter { $0.severity == .error }
            #expect(
                errors.isEmpty, "\(page.path): \(errors.map(\.description).joined(separator: "; "))"
            )
            #expect(
                body.unclosedLine == nil,
                "\(page.path):\(body.unclosedLine ?? 0): code fence never closed")
        }
    }

    @Test func completePythonBlocksCompile() throws {
        let blocks = try Self.blocks { $0.info.split(separator: " ") == ["python", "complete"] }
        #expect(!blocks.isEmpty, "no `python complete` blocks found")
        for (path, block) in blocks {
            let (status, message) = try HubContentScanner.python(
                ["-m", "py_compile", "{file}"], input: block.code, suffix: ".py")
            #expect(
                status == 0,
                "\(path):\(block.line): python complete block does not compile: \(message)")
        }
    }

    /// Python that loads every YAML document on stdin and exits with the parser's message on failure.
    static let yamlCheck = """
        import sys, yaml
        try:
            list(yaml.safe_load_all(sys.stdin))
        except yaml.YAMLError as error:
            sys.exit(str(error))
        """

    @Test func yamlBlocksParse() throws {
        let blocks = try Self.blocks { ["yaml", "yml"].contains($0.language.lowercased()) }
        for (path, block) in blocks {
            let (status, message) = try HubContentScanner.python(
                ["-c", Self.yamlCheck], input: block.code, suffix: ".yaml")
            #expect(status == 0, "\(path):\(block.line): YAML block does not parse: \(message)")
        }
    }

    @Test func jsonBlocksParse() throws {
        let blocks = try Self.blocks { $0.language.lowercased() == "json" }
        for (path, block) in blocks {
            #expect(
                (try? JSONSerialization.jsonObject(
                    with: Data(block.code.utf8), options: .fragmentsAllowed)) != nil,
                "\(path):\(block.line): JSON block does not parse")
        }
    }
}
