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
    indirect enum Node: Sendable {
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
}
