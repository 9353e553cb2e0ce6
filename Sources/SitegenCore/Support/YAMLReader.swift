import Foundation
import Yams

/// Reads typed values out of composed YAML, turning each problem into a located diagnostic.
///
/// Yams' decoder reports no line or column, so values are read from `Yams.compose` nodes,
/// whose marks are shifted by the YAML's first line in its file.
struct YAMLReader {
    /// Path of the file the YAML came from, relative to the site root.
    let path: String
    /// Line of the file on which the YAML text starts, minus one.
    let lineOffset: Int
    /// Problems found so far.
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Composes `text`, or records the syntax error and returns nil.
    mutating func compose(_ text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(.error(location(of: error), "invalid YAML: \(Self.problem(error))"))
        } catch {
            diagnostics.append(
                .error(SourceLocation(path: path, line: lineOffset + 1), "invalid YAML"))
        }
        return nil
    }

    /// The location of a node in the file.
    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// Records an error at a node.
    mutating func error(_ node: Node, _ message: String) {
        diagnostics.append(.error(location(node), message))
    }

    /// Records a warning at a node.
    mutating func warning(_ node: Node, _ message: String) {
        diagnostics.append(.warning(location(node), message))
    }

    /// The key/value pairs of a mapping, or an error naming what was expected.
    mutating func mapping(_ node: Node, what: String) -> [(
        key: String, keyNode: Node, value: Node
    )]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        return mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// A string scalar (numbers and booleans are read as written).
    mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(key)' must be a string")
            return nil
        }
        return scalar.string
    }

    /// An integer.
    mutating func int(_ node: Node, key: String) -> Int? {
        guard let value = node.int, case .scalar = node else {
            error(node, "'\(key)' must be an integer, not '\(node.string ?? "a collection")'")
            return nil
        }
        return value
    }

    /// A boolean.
    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let value = node.bool, case .scalar = node else {
            error(node, "'\(key)' must be true or false, not '\(node.string ?? "a collection")'")
            return nil
        }
        return value
    }

    /// A date (`2024-05-01` is UTC midnight) or date-time.
    mutating func date(_ node: Node, key: String) -> Date? {
        guard case .scalar = node else {
            error(node, "'\(key)' must be a date such as 2024-05-01")
            return nil
        }
        if let date = node.timestamp { return date }
        if let text = node.string, let date = DateText.parse(text) { return date }
        error(node, "'\(key)' must be a date such as 2024-05-01, not '\(node.string ?? "")'")
        return nil
    }

    /// A list of strings; a single string is read as a list of one.
    mutating func stringList(_ node: Node, key: String) -> [String]? {
        switch node {
        case .scalar(let scalar):
            return [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    error(item, "'\(key)' must be a list of strings")
                    return nil
                }
                values.append(scalar.string)
            }
            return values
        default:
            error(node, "'\(key)' must be a list of strings")
            return nil
        }
    }

    private func location(of error: YamlError) -> SourceLocation {
        switch error {
        case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _),
            .composer(let context, _, let mark, _):
            let where_ = context?.mark ?? mark
            return SourceLocation(path: path, line: where_.line + lineOffset, column: where_.column)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(
                path: path, line: context.mark.line + lineOffset, column: context.mark.column)
        default:
            return SourceLocation(path: path, line: lineOffset + 1, column: 1)
        }
    }

    private static func problem(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            guard let context else { return problem }
            return "\(problem) (\(context.text) that starts here)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys: " + duplicates.sorted().joined(separator: ", ")
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
