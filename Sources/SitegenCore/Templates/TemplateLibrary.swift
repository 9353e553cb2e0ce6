import Foundation
import Mustache

/// The compiled templates of a theme, checked for syntax errors and missing partials.
public struct TemplateLibrary: Sendable {
    /// Templates every site needs.
    public static let required = ["page", "section", "home", "topics", "topic", "search", "404"]

    let library: MustacheLibrary
    /// The same templates compiled for `CompiledTemplateRenderer`, when every one of them uses
    /// only what it supports; nil means swift-mustache renders everything.
    private(set) var compiled: CompiledTemplateRenderer?
    let names: Set<String>
    /// A stable hash of every template's text, part of every templated file's cache key.
    let fingerprint: UInt64

    /// Compiles every template; each problem becomes a diagnostic naming the template.
    /// `fastPath: false` leaves every template to swift-mustache.
    public static func compile(_ theme: ThemeFiles, fastPath: Bool = true) -> (
        TemplateLibrary, [Diagnostic]
    ) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        TemplateEscaper.register()
        for name in theme.templates.keys.sorted() {
            guard let template = theme.templates[name] else { continue }
            do {
                library.register(
                    try MustacheTemplate(string: TemplateEscaper.pragma + template.text),
                    named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        SourceLocation(
                            path: template.path, line: max(1, error.context.lineNumber - 1),
                            column: error.context.columnNumber),
                        "template syntax error: \(describe(error.error))"))
            } catch {
                diagnostics.append(
                    .error(SourceLocation(path: template.path), "template error: \(error)"))
            }
        }
        let names = Set(theme.templates.keys)
        for name in theme.templates.keys.sorted() {
            guard let template = theme.templates[name] else { continue }
            diagnostics.append(contentsOf: missingPartials(in: template, known: names))
        }
        for name in required where !names.contains(name) {
            diagnostics.append(
                .error(
                    SourceLocation(path: "templates/\(name).mustache"), "missing template '\(name)'"
                ))
        }
        var compiled: [String: CompiledTemplate] = [:]
        for (name, template) in theme.templates {
            compiled[name] = CompiledTemplateParser.compile(template.text)
        }
        let renderer =
            fastPath && compiled.count == theme.templates.count && diagnostics.isEmpty
            ? CompiledTemplateRenderer(templates: compiled) : nil
        var hasher = ContextHasher()
        for name in theme.templates.keys.sorted() {
            hasher.combine(name)
            hasher.combine(theme.templates[name]?.text ?? "")
        }
        return (
            TemplateLibrary(
                library: library, compiled: renderer, names: names, fingerprint: hasher.value),
            diagnostics
        )
    }

    /// A sentence for swift-mustache's parser errors.
    static func describe(_ error: Error) -> String {
        guard let parserError = error as? MustacheTemplate.Error else { return "\(error)" }
        switch parserError {
        case .sectionCloseNameIncorrect:
            return "a section is closed with a different name than it was opened"
        case .unfinishedName: return "a tag is not finished ('}}' missing)"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection:
            return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection:
            return "only blocks may appear inside an inherited partial"
        case .textInsideInheritSection: return "only blocks may appear inside an inherited partial"
        default: return "\(parserError)"
        }
    }

    /// The library with the compiled templates in storage of their own, for one worker: the
    /// reference counts of shared template strings were contended by every core.
    func isolatedCopy() -> TemplateLibrary {
        var copy = self
        copy.compiled = compiled?.isolatedCopy()
        return copy
    }

    /// Whether a template of this name exists.
    public func has(_ name: String) -> Bool { names.contains(name) }

    /// Renders a template with a context: through the compiled templates when the context
    /// holds only values they handle, otherwise through swift-mustache. `sizeHint` is about the
    /// bytes the context's page body and navigation add.
    func render(_ name: String, _ context: [String: TemplateValue], sizeHint: Int = 0) -> String {
        if let output = compiled?.render(name, context, sizeHint: sizeHint) { return output }
        return renderWithSwiftMustache(name, context.mapValues(\.any))
    }

    /// Renders like `render(_:_:sizeHint:)` as UTF-8 bytes, and gives, for each name of
    /// `watched`, where values of that name were written unescaped (see
    /// `CompiledTemplateRenderer.Emissions`): none when swift-mustache rendered it.
    func renderBytes(
        _ name: String, _ context: [String: TemplateValue], sizeHint: Int = 0,
        watching watched: [String]
    ) -> ([UInt8], [[Int]]) {
        if let output = compiled?.renderBytes(
            name, context, sizeHint: sizeHint, watching: watched)
        {
            return output
        }
        let bytes = Array(renderWithSwiftMustache(name, context.mapValues(\.any)).utf8)
        return (bytes, Array(repeating: [], count: watched.count))
    }

    /// Renders a template with an untyped context (see `TemplateValue.init(_:)`).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        render(name, context.mapValues(TemplateValue.init))
    }

    /// Renders a template with swift-mustache alone.
    func renderWithSwiftMustache(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// `{{> name}}` and `{{< name}}` references to templates that do not exist.
    static func missingPartials(in template: ThemeFiles.Template, known: Set<String>)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        for (lineNumber, line) in template.text.split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let marker = after.first, marker == ">" || marker == "<",
                    let close = after.range(of: "}}")
                else {
                    rest = after
                    continue
                }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                if !known.contains(name) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    diagnostics.append(
                        .error(
                            SourceLocation(
                                path: template.path, line: lineNumber + 1, column: column),
                            "missing partial '\(name)'"))
                }
                rest = after[close.upperBound...]
            }
        }
        return diagnostics
    }
}
