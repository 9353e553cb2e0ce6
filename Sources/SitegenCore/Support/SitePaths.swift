import Foundation

/// Where a site's inputs and output live on disk.
public struct SitePaths: Sendable, Equatable {
    /// The site root (holds `sitegen.yml`, `content/`, `templates/`).
    public var root: URL
    /// The output folder.
    public var output: URL

    /// Creates paths; the output defaults to `<root>/public`.
    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("public")).standardizedFileURL
    }

    /// `<root>/content`.
    public var content: URL { root.appendingPathComponent("content") }
    /// `<root>/templates`.
    public var templates: URL { root.appendingPathComponent("templates") }
    /// `<root>/sitegen.yml`.
    public var config: URL { root.appendingPathComponent("sitegen.yml") }

    /// A path relative to the root for diagnostics, or the absolute path outside it.
    public func relative(_ url: URL) -> String {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let full = url.standardizedFileURL.path
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}
