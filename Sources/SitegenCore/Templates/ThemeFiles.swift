import Foundation

/// A theme's files: Mustache templates by name and static assets by path.
///
/// The built-in theme comes first; files in the site's `templates/` replace it by name.
public struct ThemeFiles: Sendable, Equatable {
    /// A template's text and the path diagnostics name.
    public struct Template: Sendable, Equatable {
        /// Mustache source.
        public var text: String
        /// `templates/page.mustache`, or `(built-in)/page.mustache`.
        public var path: String
    }

    /// Template name (file name without `.mustache`) → template.
    public var templates: [String: Template] = [:]
    /// Asset path under `assets/` → bytes.
    public var assets: [String: Data] = [:]

    /// Creates an empty theme.
    public init() {}

    /// The theme compiled into sitegen.
    public static var builtin: ThemeFiles {
        var theme = ThemeFiles()
        for (path, text) in BuiltinTheme.files {
            theme.add(path: path, data: Data(text.utf8), diagnosticPath: "(built-in)/" + path)
        }
        return theme
    }

    /// Adds a file: `name.mustache` as a template, anything under `assets/` as an asset.
    public mutating func add(path: String, data: Data, diagnosticPath: String) {
        if path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            templates[name] = Template(
                text: String(decoding: data, as: UTF8.self), path: diagnosticPath)
        } else if path.hasPrefix("assets/") {
            assets[path] = data
        }
    }

    /// Reads a site's `templates/` folder over the built-in theme.
    public static func load(overrides directory: URL, sitePaths: SitePaths) -> ThemeFiles {
        var theme = builtin
        let files = ContentLoader(directory: directory).listFiles()
        for path in files {
            let url = directory.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            theme.add(path: path, data: data, diagnosticPath: sitePaths.relative(url))
        }
        return theme
    }
}
