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
    /// Collects where `{{{name}}}` of the watched names was written, when set (see
    /// `Emissions`).
    private var emissions: Emissions?

    /// Creates a renderer of `templates`.
    init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    private struct Unsupported: Error {}

    /// The UTF-8 offsets at which a render wrote unescaped values of some names. An offset is
    /// a hint, not a promise: inside an indented partial it counts from the partial's own text,
    /// so callers compare the bytes found there with the value before relying on it. Only the
    /// one render that made it writes to it (a renderer that holds one is never shared).
    final class Emissions: @unchecked Sendable {
        /// The last names of the watched paths (`navHTML` for `{{{navHTML}}}`, `content` for
        /// `{{{page.content}}}`).
        let names: [String]
        /// For each name, its offsets in the order written.
        var offsets: [[Int]]

        /// Watches values named `names`.
        init(names: [String]) {
            self.names = names
            offsets = Array(repeating: [], count: names.count)
        }
    }

    /// Renders like `render(_:_:sizeHint:)` as UTF-8 bytes, and also returns, for each name of
    /// `watched`, where values of that name were written unescaped.
    func renderBytes(
        _ name: String, _ context: [String: TemplateValue], sizeHint: Int = 0,
        watching watched: [String]
    ) -> ([UInt8], [[Int]])? {
        var watching = self
        let emissions = Emissions(names: watched)
        watching.emissions = emissions
        guard let output = watching.renderBytes(name, context, sizeHint: sizeHint) else {
            return nil
        }
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
        renderBytes(name, context, sizeHint: sizeHint).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Template `name` rendered as UTF-8 bytes (see `render(_:_:sizeHint:)`): pieces are
    /// appended as bytes, and escaped values escaped into the output, with no string made
    /// for either.
    func renderBytes(_ name: String, _ context: [String: TemplateValue], sizeHint: Int = 0)
        -> [UInt8]?
    {
        guard let template = templates[name] else { return nil }
        var stack: [TemplateValue] = [.map(context)]
        var output: [UInt8] = []
        output.reserveCapacity(sizeHint > 1024 ? sizeHint + sizeHint / 4 + 8192 : 4096)
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
        inherited: [String: [CompiledTemplate.Node]]?, into output: inout [UInt8]
    ) throws {
        guard let indentation, !indentation.isEmpty else {
            // Nodes are read in place: a loop's copy retained each one.
            try nodes.withUnsafeBufferPointer { nodes in
                for position in nodes.indices {
                    try render(
                        nodes[position], stack: &stack, indentation: indentation,
                        inherited: inherited, into: &output)
                }
            }
            return
        }
        var local: [UInt8] = []
        for node in nodes {
            var piece: [UInt8] = []
            try render(
                node, stack: &stack, indentation: indentation, inherited: inherited, into: &piece)
            if !piece.isEmpty, Self.endsWithLineFeed(local) {
                local.append(contentsOf: indentation.utf8)
            }
            local += piece
        }
        output += local
    }

    /// Whether the last character of `bytes` is a line feed: its last byte is one, and not
    /// the end of a `\r\n` pair (one character, as a string's `last` sees it).
    private static func endsWithLineFeed(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last, last == 0x0A else { return false }
        return bytes.count < 2 || bytes[bytes.count - 2] != 0x0D
    }

    private func render(
        _ node: CompiledTemplate.Node, stack: inout [TemplateValue], indentation: String?,
        inherited: [String: [CompiledTemplate.Node]]?, into output: inout [UInt8]
    ) throws {
        switch node {
        case .text(let text):
            output.append(contentsOf: text.utf8)
        case .variable(let path, let escaped):
            guard let value = try lookup(path, in: stack) else { return }
            if !escaped, let emissions, let name = path.lastName,
                let slot = emissions.names.firstIndex(of: name)
            {
                emissions.offsets[slot].append(output.count)
            }
            try Self.write(value, escaped: escaped, into: &output)
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
        inherited: [String: [CompiledTemplate.Node]]?, into output: inout [UInt8]
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

    /// Writes what `{{name}}` (escaped) or `{{{name}}}` writes for a value.
    private static func write(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8])
        throws
    {
        switch value {
        case .string(let string):
            if escaped {
                TemplateEscaper.escape(string, into: &output)
            } else {
                output.append(contentsOf: string.utf8)
            }
        case .content(let content):
            if escaped {
                TemplateEscaper.escape(content.renderText, into: &output)
            } else {
                content.write(into: &output)
            }
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): output.append(contentsOf: String(number).utf8)
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
