import Foundation
import Testing

@testable import SitegenHighlight

/// Helpers shared by the highlighter tests: checking output structure and reading the hub's code blocks.
enum HighlightCheck {
    /// The span classes the highlighter may emit.
    static let classes = Set("kscnbatvdpf".utf8)

    /// `code` highlighted as `language`, or `"<unsupported>"` (which fails any expectation) for nil.
    static func html(_ code: String, _ language: String) -> String {
        SyntaxHighlighter.highlight(code, language: language) ?? "<unsupported>"
    }

    /// Decodes highlighted `html`: the text with spans removed and entities unescaped, plus every structural
    /// problem found (nested, unclosed or unknown spans, line breaks or nothing inside a span, unescaped bytes).
    static func decode(_ html: String) -> (text: String, problems: [String]) {
        let bytes = Array(html.utf8)
        let open = Array("<span class=\"hl-".utf8), close = Array("</span>".utf8)
        let entities: [([UInt8], UInt8)] = [
            ("&amp;", 38), ("&lt;", 60), ("&gt;", 62), ("&quot;", 34),
        ].map { (Array($0.0.utf8), $0.1) }
        var text: [UInt8] = []
        var problems: [String] = []
        var inSpan = false
        var spanIsEmpty = true
        var i = 0
        func starts(_ literal: [UInt8]) -> Bool {
            i + literal.count <= bytes.count
                && bytes[i..<(i + literal.count)].elementsEqual(literal)
        }
        while i < bytes.count {
            if starts(open) {
                if !classes.contains(i + 16 < bytes.count ? bytes[i + 16] : 0) {
                    problems.append("unknown class at \(i)")
                }
                if inSpan { problems.append("nested span at \(i)") }
                guard i + 18 < bytes.count, bytes[i + 17] == UInt8(ascii: "\""),
                    bytes[i + 18] == UInt8(ascii: ">")
                else {
                    problems.append("malformed span at \(i)")
                    break
                }
                inSpan = true
                spanIsEmpty = true
                i += 19
            } else if starts(close) {
                if !inSpan { problems.append("stray </span> at \(i)") }
                if spanIsEmpty { problems.append("empty span at \(i)") }
                inSpan = false
                i += 7
            } else {
                if let (entity, byte) = entities.first(where: { starts($0.0) }) {
                    text.append(byte)
                    i += entity.count
                } else {
                    let b = bytes[i]
                    if b == 38 || b == 60 || b == 62 || b == 34 {
                        problems.append("unescaped byte \(b) at \(i)")
                    }
                    if inSpan && (b == 10 || b == 13) {
                        problems.append("line break inside a span at \(i)")
                    }
                    text.append(b)
                    i += 1
                }
                spanIsEmpty = false
            }
        }
        if inSpan { problems.append("unclosed span") }
        return (String(decoding: text, as: UTF8.self), problems)
    }

    /// Expects `html` to be well-formed highlighting of exactly `code`.
    static func expectRoundTrip(
        _ code: String, _ language: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let html = html(code, language)
        let (text, problems) = decode(html)
        #expect(
            problems.isEmpty, "\(language): \(problems.prefix(3)) in \(html.prefix(300))",
            sourceLocation: sourceLocation)
        #expect(
            Array(text.utf8) == Array(code.utf8), "\(language) round trip of \(code.prefix(120))",
            sourceLocation: sourceLocation)
    }

    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every fenced code block in `content/**/*.md`: file, info string and the code (with its final newline,
    /// as cmark-gfm gives it).
    static func contentCodeBlocks() throws -> [(file: String, info: String, code: String)] {
        let content = repositoryRoot.appendingPathComponent("content")
        guard
            let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        else { return [] }
        var blocks: [(file: String, info: String, code: String)] = []
        for case let url as URL in files where url.pathExtension == "md" {
            let source = try String(contentsOf: url, encoding: .utf8)
            for (info, code) in fencedBlocks(source) {
                blocks.append((url.lastPathComponent, info, code))
            }
        }
        return blocks
    }

    /// The fenced code blocks (``` or ~~~, indented up to three spaces) in a Markdown document.
    static func fencedBlocks(_ markdown: String) -> [(info: String, code: String)] {
        var blocks: [(info: String, code: String)] = []
        var open: (marker: Character, length: Int, indent: Int, info: String)?
        var lines: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(min(indent, 3))
            let marker = body.first ?? " "
            let run = body.prefix(while: { $0 == marker }).count
            if let fence = open {
                if indent < 4, marker == fence.marker, run >= fence.length,
                    body.dropFirst(run).allSatisfy(\.isWhitespace)
                {
                    blocks.append((fence.info, lines.map { $0 + "\n" }.joined()))
                    open = nil
                } else {
                    lines.append(
                        line.dropFirst(min(fence.indent, line.prefix(while: { $0 == " " }).count)))
                }
            } else if indent < 4, marker == "`" || marker == "~", run >= 3 {
                open = (
                    marker, run, indent, body.dropFirst(run).trimmingCharacters(in: .whitespaces)
                )
                lines = []
            }
        }
        return blocks
    }
}

/// One token's HTML, `<span class="hl-\(kind)">\(text)</span>`; `text` is given already escaped.
func hl(_ kind: String, _ text: String) -> String {
    "<span class=\"hl-\(kind)\">\(text)</span>"
}

/// `lines` joined with `\n`, to write multi-line inputs and expectations line by line.
func lines(_ lines: String...) -> String {
    lines.joined(separator: "\n")
}
