/// Parses Mustache text into a `CompiledTemplate` following swift-mustache 2.1's parser step by
/// step (including its standalone-line and indentation rules), for text, variables, sections,
/// inverted sections, comments, partials, inheriting partials and blocks.
///
/// Anything else (set delimiters, pragmas, transforms, dynamic partials) and any syntax error
/// returns nil: such templates are rendered by swift-mustache itself, which also reports errors.
struct CompiledTemplateParser {
    private struct Unsupported: Error {}

    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: [Character]?

        func withSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let text: [Character]
    private var position = 0

    private static let nameCharacters = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    private init(_ text: String) { self.text = Array(text) }

    /// The compiled template, or nil when swift-mustache must render it.
    static func compile(_ text: String) -> CompiledTemplate? {
        var parser = CompiledTemplateParser(text)
        guard let nodes = try? parser.parse(State()) else { return nil }
        return CompiledTemplate(nodes: nodes)
    }

    private var atEnd: Bool { position >= text.count }
    private var current: Character { atEnd ? "\0" : text[position] }

    private mutating func read(while accepts: (Character) -> Bool) -> [Character] {
        let start = position
        while !atEnd && accepts(text[position]) { position += 1 }
        return Array(text[start..<position])
    }

    private mutating func read(_ literal: String) -> Bool {
        let characters = Array(literal)
        guard position + characters.count <= text.count,
            Array(text[position..<(position + characters.count)]) == characters
        else { return false }
        position += characters.count
        return true
    }

    private mutating func parse(_ initial: State) throws -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore)))
                whiteSpaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let literal = try readUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(String(whiteSpaceBefore + literal + [current])))
                state.newLine = true
                position += 1
                continue
            }
            if !literal.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore + literal)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName()
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let body = try parse(state.withSection(name, newLine: setNewLine))
                nodes.append(.section(Self.path(name), body, inverted: inverted))
            case "/":
                position += 1
                let name = try parseName()
                guard name == state.sectionName else { throw Unsupported() }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)
            case "{":
                flushWhiteSpace()
                position += 1
                let name = try parseName()
                guard read("}") else { throw Unsupported() }
                nodes.append(.variable(Self.path(name), escaped: false))
            case "&":
                flushWhiteSpace()
                position += 1
                nodes.append(.variable(Self.path(try parseName()), escaped: false))
            case ">":
                position += 1
                _ = read { $0.isWhitespace }
                guard current != "*" else { throw Unsupported() }
                let name = try parsePartialName()
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(
                        .partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []
            case "<":
                position += 1
                _ = read { $0.isWhitespace }
                let name = try parsePartialName()
                guard name.first != "*" else { throw Unsupported() }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.withInheritancePartial(name))
                var overrides: [String: [CompiledTemplate.Node]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text: break
                    default: throw Unsupported()
                    }
                }
                nodes.append(
                    .partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []
            case "$":
                position += 1
                let name = try parseName()
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSection(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSection(name, newLine: setNewLine))
                    nodes.append(
                        .block(name, defaultNodes: body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            case "=", "%":
                throw Unsupported()
            default:
                flushWhiteSpace()
                nodes.append(.variable(Self.path(try parseName()), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    /// Text up to a `{{` (consumed) or a line break (not consumed).
    private mutating func readUntilTagOrNewline() throws -> [Character] {
        var literal: [Character] = []
        while !atEnd {
            literal += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if current == "{" {
                guard position + 2 <= text.count else { throw Unsupported() }
                if read("{{") { break }
                literal.append("{")
                position += 1
            }
        }
        return literal
    }

    private mutating func parseName() throws -> String {
        _ = read { $0.isWhitespace }
        let name = String(read { Self.nameCharacters.contains($0) })
        _ = read { $0.isWhitespace }
        guard read("}}"), !name.contains("("), !name.contains(")") else { throw Unsupported() }
        return name
    }

    private mutating func parsePartialName() throws -> String {
        _ = read { $0.isWhitespace }
        let name = String(read { Self.partialNameCharacters.contains($0) })
        _ = read { $0.isWhitespace }
        guard read("}}") else { throw Unsupported() }
        return name
    }

    private mutating func skipComment() throws {
        while !atEnd {
            if read("}}") { return }
            position += 1
        }
        throw Unsupported()
    }

    /// Whether the tag just read stands alone on its line; if so the rest of the line (spaces,
    /// tabs and the line break) is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < text.count && (text[probe] == " " || text[probe] == "\t") { probe += 1 }
        guard probe < text.count, text[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    private static func path(_ name: String) -> CompiledTemplate.Path {
        if name == "." { return .current }
        let names = name.split(separator: ".").map(String.init)
        return name.first == "." ? .anchored(names) : .stack(names)
    }
}
