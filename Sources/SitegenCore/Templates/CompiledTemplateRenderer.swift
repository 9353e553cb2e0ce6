/// Renders `CompiledTemplate`s with swift-mustache 2.1's semantics for the values sitegen's
/// contexts hold: strings, booleans, integers, `[String: Any]` and `[String: String]`
/// dictionaries, arrays and `PageContent`. Names are split once at compile time and values are told apart by their
/// exact type, instead of the protocol casts swift-mustache makes for every lookup.
///
/// A value of any other type makes `render` return nil, and the caller renders the template
/// with swift-mustache instead, so the output is always what swift-mustache would write.
struct CompiledTemplateRenderer {
    /// Every template by name (partials included).
    let templates: [String: CompiledTemplate]

    private struct Unsupported: Error {}

    /// The same templates in storage of their own, for one worker (see
    /// `CompiledTemplate.isolatedCopy`).
    func isolatedCopy() -> CompiledTemplateRenderer {
        CompiledTemplateRenderer(
            templates: Dictionary(
                uniqueKeysWithValues: templates.map {
                    (withOwnStorage($0.key), $0.value.isolatedCopy())
                })
        )
    }

    private enum Kind {
        case string, bool, int, dictionary, list, content, other
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let stringDictionaryType = ObjectIdentifier([String: String].self)
    private static let listTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier([[String: Any]].self), ObjectIdentifier([Any].self),
        ObjectIdentifier([String].self),
    ]
    private static let contentType = ObjectIdentifier(PageContent.self)

    private static func kind(of value: Any) -> Kind {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == stringType { return .string }
        if type == dictionaryType || type == stringDictionaryType { return .dictionary }
        if type == boolType { return .bool }
        if type == intType { return .int }
        if type == contentType { return .content }
        if listTypes.contains(type) { return .list }
        return .other
    }

    /// Template `name` rendered with `context`, or nil if the context holds a value this
    /// renderer leaves to swift-mustache (or there is no such template).
    func render(_ name: String, _ context: [String: Any]) -> String? {
        guard let template = templates[name] else { return nil }
        var stack: [Any] = [context]
        var output = ""
        let hint = Self.textBytes(in: context, depth: 2)
        if hint > 1024 { output.reserveCapacity(hint + hint / 4 + 8192) }
        do {
            try render(
                template.nodes, stack: &stack, indentation: nil, inherited: nil, into: &output)
        } catch {
            return nil
        }
        return output
    }

    /// The bytes of the strings and page bodies in `context` and the dictionaries it holds,
    /// down to `depth`: about what a page's output will hold, so its buffer grows once.
    private static func textBytes(in context: [String: Any], depth: Int) -> Int {
        var total = 0
        for value in context.values {
            switch kind(of: value) {
            case .string: total += (value as? String)?.utf8.count ?? 0
            case .content: total += (value as? PageContent)?.inline?.utf8.count ?? 0
            case .dictionary where depth > 1:
                if let nested = value as? [String: Any] {
                    total += textBytes(in: nested, depth: depth - 1)
                }
            default: break
            }
        }
        return total
    }

    private func render(
        _ nodes: [CompiledTemplate.Node], stack: inout [Any], indentation: String?,
        inherited: [String: [CompiledTemplate.Node]]?, into output: inout String
    ) throws {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes {
                try render(
                    node, stack: &stack, indentation: indentation, inherited: inherited,
                    into: &output)
            }
            return
        }
        var local = ""
        for node in nodes {
            var piece = ""
            try render(
                node, stack: &stack, indentation: indentation, inherited: inherited, into: &piece)
            if !piece.isEmpty, local.last == "\n" { local += indentation }
            local += piece
        }
        output += local
    }

    private func render(
        _ node: CompiledTemplate.Node, stack: inout [Any], indentation: String?,
        inherited: [String: [CompiledTemplate.Node]]?, into output: inout String
    ) throws {
        switch node {
        case .text(let text):
            output += text
        case .variable(let path, let escaped):
            guard let value = try lookup(path, in: stack) else { return }
            let text = try Self.text(of: value)
            output += escaped ? TemplateEscaper.escape(text) : text
        case .section(let path, let body, let inverted):
            let value = try lookup(path, in: stack)
            try renderSection(
                value, body, inverted: inverted, stack: &stack, indentation: indentation,
                inherited: inherited, into: &output)
        case .partial(let name, let indented, let overrides):
            guard let template = templates[name] else { return }
            var merged = inherited
            if let overrides {
                merged = inherited?.merging(overrides) { outer, _ in outer } ?? overrides
            }
            try render(
                template.nodes, stack: &stack,
                indentation: indented.map { (indentation ?? "") + $0 } ?? indentation,
                inherited: merged, into: &output)
        case .block(let name, let defaultNodes, let indented):
            try render(
                inherited?[name] ?? defaultNodes, stack: &stack,
                indentation: (indentation ?? "") + indented, inherited: inherited, into: &output)
        case .blockDefinition:
            break
        }
    }

    private func renderSection(
        _ value: Any?, _ body: [CompiledTemplate.Node], inverted: Bool, stack: inout [Any],
        indentation: String?, inherited: [String: [CompiledTemplate.Node]]?,
        into output: inout String
    ) throws {
        guard let value else {
            if inverted {
                try render(
                    body, stack: &stack, indentation: indentation, inherited: inherited,
                    into: &output)
            }
            return
        }
        switch Self.kind(of: value) {
        case .list:
            let elements = try Self.elements(of: value)
            if inverted {
                guard elements.isEmpty else { return }
                stack.append(value)
                defer { stack.removeLast() }
                try render(
                    body, stack: &stack, indentation: indentation, inherited: inherited,
                    into: &output)
                return
            }
            for element in elements {
                stack.append(element)
                defer { stack.removeLast() }
                try render(
                    body, stack: &stack, indentation: indentation, inherited: inherited,
                    into: &output)
            }
        case .bool:
            guard let flag = value as? Bool else { throw Unsupported() }
            if flag != inverted {
                try render(
                    body, stack: &stack, indentation: indentation, inherited: inherited,
                    into: &output)
            }
        case .string, .int, .dictionary, .content:
            guard !inverted else { return }
            stack.append(value)
            defer { stack.removeLast() }
            try render(
                body, stack: &stack, indentation: indentation, inherited: inherited, into: &output)
        case .other:
            throw Unsupported()
        }
    }

    private static func elements(of value: Any) throws -> [Any] {
        if let list = value as? [[String: Any]] { return list }
        if let list = value as? [Any] { return list }
        if let list = value as? [String] { return list }
        throw Unsupported()
    }

    /// What `{{name}}` writes for a value, before escaping.
    private static func text(of value: Any) throws -> String {
        switch kind(of: value) {
        case .string:
            guard let string = value as? String else { throw Unsupported() }
            return string
        case .content:
            guard let content = value as? PageContent else { throw Unsupported() }
            return content.renderText
        case .bool:
            guard let flag = value as? Bool else { throw Unsupported() }
            return flag ? "true" : "false"
        case .int:
            guard let number = value as? Int else { throw Unsupported() }
            return String(number)
        case .dictionary, .list, .other:
            throw Unsupported()
        }
    }

    private func lookup(_ path: CompiledTemplate.Path, in stack: [Any]) throws -> Any? {
        switch path {
        case .current:
            return stack.last
        case .anchored(let names):
            guard let top = stack.last else { return nil }
            return try descend(names[...], from: top)
        case .stack(let names):
            guard let first = names.first else { return stack.last }
            for object in stack.reversed() {
                if let child = try Self.child(named: first, of: object) {
                    return try descend(names.dropFirst(), from: child)
                }
            }
            return nil
        }
    }

    private func descend(_ names: ArraySlice<String>, from object: Any) throws -> Any? {
        var object = object
        for name in names {
            guard let child = try Self.child(named: name, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// A dictionary's entry; strings, numbers, booleans and arrays have no named children.
    private static func child(named name: String, of object: Any) throws -> Any? {
        switch kind(of: object) {
        case .dictionary:
            if let dictionary = object as? [String: Any] { return dictionary[name] }
            guard let dictionary = object as? [String: String] else { throw Unsupported() }
            return dictionary[name]
        case .string, .bool, .int, .list:
            return nil
        case .content, .other:
            throw Unsupported()
        }
    }
}
