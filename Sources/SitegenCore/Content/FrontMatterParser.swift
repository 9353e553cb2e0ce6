import Foundation
import Yams

/// Splits a Markdown file into front matter and body, and decodes the front matter.
public struct FrontMatterParser {
    /// Keys front matter understands.
    public static let knownKeys: Set<String> = [
        "title", "summary", "topics", "date", "updated", "weight", "draft", "slug", "aliases",
        "template",
    ]

    /// A file split into its parts.
    public struct Split: Sendable, Equatable {
        /// The YAML between the `---` lines, or nil when there is none.
        public var yaml: String?
        /// The Markdown after the front matter.
        public var body: String
        /// How many lines of the file come before the body.
        public var bodyLineOffset: Int
        /// Where the body starts in the bytes split, when `body` was left for the caller.
        var bodyStart: Int?
    }

    /// The path used in diagnostics.
    public let path: String

    /// Creates a parser for the file at `path` (relative to the site root).
    public init(path: String) {
        self.path = path
    }

    /// Parses a whole file: front matter, body and diagnostics.
    public func parse(_ text: String) -> (FrontMatter, Split, [Diagnostic]) {
        let (split, splitProblem) = self.split(text)
        guard let yaml = split.yaml else {
            return (FrontMatter(), split, splitProblem.map { [$0] } ?? [])
        }
        let (frontMatter, diagnostics) = decode(yaml)
        return (frontMatter, split, diagnostics)
    }

    /// Separates front matter from body; accepts a UTF-8 BOM and CRLF line endings.
    ///
    /// Works on UTF-8 bytes: only the closing delimiter line is searched for.
    public func split(_ original: String) -> (Split, Diagnostic?) {
        var text = original
        return text.withUTF8 { utf8 in
            if utf8.starts(with: [0xEF, 0xBB, 0xBF]) || Self.holdsCarriageReturn(utf8) {
                var bytes = Array(utf8)
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                if bytes.contains(0x0D) { bytes = Self.removingCarriageReturns(bytes) }
                return bytes.withUnsafeBufferPointer { split(bytes: $0) }
            }
            // The common case: the body is a slice of `original`, copied without decoding again.
            var (parts, problem) = split(bytes: utf8, decodesBody: false)
            if let start = parts.bodyStart {
                let index = original.utf8.index(original.startIndex, offsetBy: start)
                // Sliced by UTF-8 view, which (unlike a character slice) keeps a body that
                // starts with a combining mark apart from the line break before it.
                parts.body = String(Substring(original.utf8[index...]))
                parts.bodyStart = nil
            }
            return (parts, problem)
        }
    }

    /// Whether the text holds a carriage return (memchr, which is vectorised).
    private static func holdsCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0x0D, bytes.count) != nil
    }

    /// `split` on bytes without a BOM or carriage returns; without `decodesBody` the body is
    /// left empty and `bodyStart` says where it begins.
    private func split(bytes: UnsafeBufferPointer<UInt8>, decodesBody: Bool = true) -> (
        Split, Diagnostic?
    ) {
        func split(yaml: String?, bodyFrom start: Int, lineOffset: Int) -> Split {
            guard decodesBody else {
                return Split(yaml: yaml, body: "", bodyLineOffset: lineOffset, bodyStart: start)
            }
            return Split(
                yaml: yaml, body: String(decoding: bytes[start...], as: UTF8.self),
                bodyLineOffset: lineOffset)
        }
        let dashes: [UInt8] = Array("---".utf8)
        guard bytes.starts(with: dashes + [0x0A]) || bytes.elementsEqual(dashes) else {
            return (split(yaml: nil, bodyFrom: 0, lineOffset: 0), nil)
        }
        var lineStart = 4
        var line = 2
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let content = bytes[lineStart..<lineEnd]
            if content.elementsEqual(dashes) || content.elementsEqual("...".utf8) {
                let yaml = String(decoding: bytes[4..<max(4, lineStart - 1)], as: UTF8.self)
                let bodyStart = min(lineEnd + 1, bytes.count)
                return (
                    split(yaml: lineStart > 4 ? yaml : "", bodyFrom: bodyStart, lineOffset: line),
                    nil
                )
            }
            lineStart = lineEnd + 1
            line += 1
        }
        let problem = Diagnostic.error(
            SourceLocation(path: path, line: 1, column: 1),
            "front matter opened with '---' is never closed")
        return (split(yaml: nil, bodyFrom: 0, lineOffset: 0), problem)
    }

    /// CRLF → LF.
    static func removingCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated()
        where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            result.append(byte)
        }
        return result
    }

    /// Decodes front matter YAML whose first line is line 2 of the file.
    public func decode(_ yaml: String) -> (FrontMatter, [Diagnostic]) {
        if let simple = SimpleFrontMatterDecoder.decode(yaml, firstLine: 2) { return (simple, []) }
        return decodeWithYAMLReader(yaml)
    }

    /// Decodes front matter with the full YAML reader (Yams), which locates every problem.
    func decodeWithYAMLReader(_ yaml: String) -> (FrontMatter, [Diagnostic]) {
        var reader = YAMLReader(path: path, lineOffset: 1)
        var frontMatter = FrontMatter()
        guard let root = reader.compose(yaml) else { return (frontMatter, reader.diagnostics) }
        if case .scalar(let scalar) = root, scalar.string.isEmpty { return (frontMatter, []) }
        guard let fields = reader.mapping(root, what: "front matter") else {
            return (frontMatter, reader.diagnostics)
        }
        for field in fields {
            apply(field.key, field.value, keyNode: field.keyNode, to: &frontMatter, reader: &reader)
            frontMatter.lines[field.key] = reader.location(field.keyNode).line
        }
        return (frontMatter, reader.diagnostics)
    }

    private func apply(
        _ key: String, _ value: Node, keyNode: Node, to matter: inout FrontMatter,
        reader: inout YAMLReader
    ) {
        switch key {
        case "title": matter.title = reader.string(value, key: key)
        case "summary": matter.summary = reader.string(value, key: key)
        case "topics": matter.topics = reader.stringList(value, key: key) ?? []
        case "date": matter.date = reader.date(value, key: key)
        case "updated": matter.updated = reader.date(value, key: key)
        case "weight": matter.weight = reader.int(value, key: key)
        case "draft": matter.draft = reader.bool(value, key: key) ?? false
        case "slug": matter.slug = reader.string(value, key: key)
        case "aliases": matter.aliases = reader.stringList(value, key: key) ?? []
        case "template": matter.template = reader.string(value, key: key)
        default: reader.warning(keyNode, "unknown front matter key '\(key)'")
        }
    }
}
