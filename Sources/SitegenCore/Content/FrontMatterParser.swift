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
    public func split(_ original: String) -> (Split, Diagnostic?) {
        var text = original
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        guard text.hasPrefix("---\n") || text == "---" else {
            return (Split(yaml: nil, body: text, bodyLineOffset: 0), nil)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            let problem = Diagnostic.error(
                SourceLocation(path: path, line: 1, column: 1),
                "front matter opened with '---' is never closed")
            return (Split(yaml: nil, body: text, bodyLineOffset: 0), problem)
        }
        let yaml = lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (Split(yaml: yaml, body: body, bodyLineOffset: end + 2), nil)
    }

    /// Decodes front matter YAML whose first line is line 2 of the file.
    public func decode(_ yaml: String) -> (FrontMatter, [Diagnostic]) {
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
