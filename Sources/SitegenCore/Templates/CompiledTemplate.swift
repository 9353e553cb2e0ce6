/// A Mustache template parsed into nodes whose names are split once, for
/// `CompiledTemplateRenderer`. `CompiledTemplateParser` makes them with exactly swift-mustache's
/// tokens and white-space rules, for the constructs it supports.
struct CompiledTemplate: Sendable {
    /// The template's nodes in order.
    let nodes: [Node]

    /// Where a tag's value is looked up.
    enum Path: Sendable, Equatable {
        /// `{{.}}`: the innermost value.
        case current
        /// `{{.a.b}}`: `a` in the innermost value only, then `b` in it.
        case anchored([String])
        /// `{{a.b}}`: `a` in the innermost value that has it, then `b` in it.
        case stack([String])
    }

    /// One token of a template.
    enum Node: Sendable {
        /// Literal text.
        case text(String)
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
        case variable(Path, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(Path, [Node], inverted: Bool)
        /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides.
        case partial(String, indentation: String?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` outside an inheriting partial.
        case block(String, defaultNodes: [Node], indentation: String)
        /// `{{$name}}…{{/name}}` inside an inheriting partial (only while parsing).
        case blockDefinition(String, [Node])
    }

    /// The same template in storage of its own: workers that each render from their own copy
    /// do not contend for the reference counts of shared strings and arrays.
    func isolatedCopy() -> CompiledTemplate {
        CompiledTemplate(nodes: nodes.map(\.isolatedCopy))
    }
}

extension CompiledTemplate.Path {
    /// The path in storage of its own.
    var isolatedCopy: Self {
        switch self {
        case .current: return .current
        case .anchored(let names): return .anchored(names.map(withOwnStorage))
        case .stack(let names): return .stack(names.map(withOwnStorage))
        }
    }
}

extension CompiledTemplate.Node {
    /// The node in storage of its own, down to every string.
    var isolatedCopy: Self {
        func copy(_ nodes: [Self]) -> [Self] { nodes.map(\.isolatedCopy) }
        switch self {
        case .text(let text):
            return .text(withOwnStorage(text))
        case .variable(let path, let escaped):
            return .variable(path.isolatedCopy, escaped: escaped)
        case .section(let path, let body, let inverted):
            return .section(path.isolatedCopy, copy(body), inverted: inverted)
        case .partial(let name, let indentation, let overrides):
            return .partial(
                withOwnStorage(name), indentation: indentation.map(withOwnStorage),
                overrides: overrides.map {
                    Dictionary(
                        uniqueKeysWithValues: $0.map { (withOwnStorage($0.key), copy($0.value)) })
                })
        case .block(let name, let defaultNodes, let indentation):
            return .block(
                withOwnStorage(name), defaultNodes: copy(defaultNodes),
                indentation: withOwnStorage(indentation)
            )
        case .blockDefinition(let name, let nodes):
            return .blockDefinition(withOwnStorage(name), copy(nodes))
        }
    }
}

/// A string with storage of its own (short strings are held inline anyway).
func withOwnStorage(_ text: String) -> String {
    String(decoding: Array(text.utf8), as: UTF8.self)
}
