import Foundation
import Mustache

/// The compiled templates of a theme, checked for syntax errors and missing partials.
public struct TemplateLibrary: Sendable {
    /// Templates every site needs.
    public static let required = ["page", "section", "home", "topics", "topic", "search", "404"]

    let library: MustacheLibrary
    let names: Set<String>

    /// Compiles every template; each problem becomes a diagnostic naming the template.
    public static func compile(_ theme: ThemeFiles) -> (TemplateLibrary, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for name in theme.templates.keys.sorted() {
            guard let template = theme.templates[name] else { continue }
            do {
                library.register(try MustacheTemplate(string: template.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        SourceLocation(
                            path: template.path, line: error.context.lineNumber,
                            column: error.context.columnNumber + 1),
                        "template syntax error: \(error.error)"))
            } catch {
                diagnostics.append(.error(SourceLocation(path: template.path), "template error: \(error)"))
            }
        }
        let names = Set(theme.templates.keys)
        for name in theme.templates.keys.sorted() {
            guard let template = theme.templates[name] else { continue }
            diagnostics.append(contentsOf: missingPartials(in: template, known: names))
        }
        for name in required where !names.contains(name) {
            diagnostics.append(.error(SourceLocation(path: "templates/\(name).mustache"), "missing template '\(name)'"))
        }
        return (TemplateLibrary(library: library, names: names), diagnostics)
    }

    /// Whether a template of this name exists.
    public func has(_ name: String) -> Bool { names.contains(name) }

    /// Renders a template with a context.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// `{{> name}}` and `{{< name}}` references to templates that do not exist.
    static func missingPartials(in template: ThemeFiles.Template, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (lineNumber, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
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
                            SourceLocation(path: template.path, line: lineNumber + 1, column: column),
                            "missing partial '\(name)'"))
                }
                rest = after[close.upperBound...]
            }
        }
        return diagnostics
    }
}
