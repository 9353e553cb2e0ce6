/// Renders `CompiledTemplate`s with swift-mustache 2.1's semantics for the values sitegen's
/// contexts hold (`TemplateValue`): strings, booleans, integers, maps, lists and `PageContent`.
/// Names are split once at compile time and values are told apart by their case, instead of
/// the protocol casts swift-mustache makes for every lookup.
///
/// A value of any other type makes `render` return nil, and the caller renders the template
/// with swift-mustache instead, so the output is always what swift-mustache would write.
struct CompiledTemplateRenderer {
    /// Every template by name (partials included).
    let templates: [String: CompiledTemplate]
    /// Collects where `{{{name}}}` of one name was written, when set (see `Emissions`).
    private var emissions: Emissions?

    /// Creates a renderer of `templates`.
    init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    private struct Unsupported: Error {}

    /// The UTF-8 offsets at which a render wrote an unescaped value of one name. An offset is
    /// a hint, not a promise: inside an indented partial it counts from the partial's own text,
    /// so callers compare the bytes found there with the value before relying on it. Only the
    /// one render that made it writes to it (a renderer that holds one is never shared).
    final class Emissions: @unchecked Sendable {
        /// The last name of the watched path (`navHTML` for `{{{navHTML}}}`).
        let name: String
        /// Offsets in the order written.
        var offsets: [Int] = []

        /// Watches values named `name`.
        init(name: String) {
            self.name = name
        }
    }

    /// Renders like `render(_:_:sizeHint:)` and also returns where values named `watched` were
    /// written unescaped.
    func render(
        _ name: String, _ context: [String: TemplateValue], sizeHint: Int = 0,
        watching watched: String
    ) -> (String, [Int])? {
        var watching = self
        let emissions = Emissions(name: watched)
        watching.emissions = emissions
        guard let output = watching.render(name, context, sizeHint: sizeHint) else { return nil }
        return (output, emissions.offsets)
    }

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

    /// Template `name` rendered with `context`, or nil if the context holds a value this
    /// renderer leaves to swift-mustache (or there is no such template). `sizeHint` is about the
    /// bytes the context's large values (a page body, the navigation) will add, so the output
    /// grows once.
    func render(_ name: String, _ context: [String: TemplateValue], sizeHint: Int = 0) -> String? {
        guard let template = templates[name] else { return nil }
        var stack: [TemplateValue] = [.map(context)]
        var output = ""
        if sizeHint > 1024 { output.reserveCapacity(sizeHint + sizeHint / 4 + 8192) }
        do {
            try render(
                template.nodes, stack: &stack, indentation: nil, inherited: nil, into: &output)
        } catch {
            return nil
        }
        return output
    }

    /// Template `name` rendered with an untyped context (see `TemplateValue.init(_:)`).
    func render(_ name: String, _ context: [String: Any]) -> String? {
        render(name, context.mapValues(TemplateValue.init))
    }

    private func render(
        _ nodes: [CompiledTemplate.Node], stack: inout [TemplateValue], indentation: String?,
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
        _ node: CompiledTemplate.Node, stack: inout [TemplateValue], indentation: String?,
        inherited: [String: [CompiledTemplate.Node]]?, into output: inout String
    ) throws {
        switch node {
        case .text(let text):
            output += text
        case .variable(let path, let escaped):
            guard let value = try lookup(path, in: stack) else { return }
            let text = try Self.text(of: value)
            if !escaped, let emissions, path.lastName == emissions.name {
                emissions.offsets.append(output.utf8.count)
            }
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
        _ value: TemplateValue?, _ body: [CompiledTemplate.Node], inverted: Bool,
        stack: inout [TemplateValue], indentation: String?,
        inherited: [String: [CompiledTemplate.Node]]?, into output: inout String
    ) throws {
        guard let value else {
            if inverted {
                try render(
                    body, stack: &stack, indentation: indentation, inherited: inherited,
                    into: &output)
            }
            return
        }
        switch value {
        case .list(let elements):
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
        case .bool(let flag):
            if flag != inverted {
                try render(
                    body, stack: &stack, indentation: indentation, inherited: inherited,
                    into: &output)
            }
        case .string, .int, .map, .content:
            guard !inverted else { return }
            stack.append(value)
            defer { stack.removeLast() }
            try render(
                body, stack: &stack, indentation: indentation, inherited: inherited, into: &output)
        case .lazyList, .other:
            throw Unsupported()
        }
    }

    /// What `{{name}}` writes for a value, before escaping.
    private static func text(of value: TemplateValue) throws -> String {
        switch value {
        case .string(let string): return string
        case .content(let content): return content.renderText
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .map, .list, .lazyList, .other: throw Unsupported()
        }
    }

    private func lookup(_ path: CompiledTemplate.Path, in stack: [TemplateValue]) throws
        -> TemplateValue?
    {
        switch path {
        case .current:
            return stack.last
        case .anchored(let names):
            guard let top = stack.last else { return nil }
            return try descend(names[...], from: top)
        case .stack(let names):
            guard let first = names.first else { return stack.last }
            // Elements are read in place: copying each one retained what it holds.
            var index = stack.count - 1
            while index >= 0 {
                if let child = try Self.child(named: first, of: stack, at: index) {
                    return names.count == 1 ? child : try descend(names.dropFirst(), from: child)
                }
                index -= 1
            }
            return nil
        }
    }

    private func descend(_ names: ArraySlice<String>, from object: TemplateValue) throws
        -> TemplateValue?
    {
        var object = object
        for name in names {
            guard let child = try Self.child(named: name, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// The entry `name` of the stack's element `index`, read in place.
    private static func child(named name: String, of stack: [TemplateValue], at index: Int) throws
        -> TemplateValue?
    {
        switch stack[index] {
        case .map(let map): return map[name]
        case .string, .bool, .int, .list: return nil
        case .content, .lazyList, .other: throw Unsupported()
        }
    }

    /// A dictionary's entry; strings, numbers, booleans and arrays have no named children.
    private static func child(named name: String, of object: TemplateValue) throws
        -> TemplateValue?
    {
        switch object {
        case .map(let map): return map[name]
        case .string, .bool, .int, .list: return nil
        case .content, .lazyList, .other: throw Unsupported()
        }
    }
}

extension CompiledTemplate.Path {
    /// The last name of the path; nil for `{{.}}`.
    var lastName: String? {
        switch self {
        case .current: return nil
        case .anchored(let names), .stack(let names): return names.last
        }
    }
}
