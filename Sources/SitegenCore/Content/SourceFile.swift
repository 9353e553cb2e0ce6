import Foundation

/// A Markdown file read from `content/`.
public struct SourceFile: Sendable, Equatable {
    /// Path relative to `content/`, with `/` separators.
    public var path: String
    /// The file's text.
    public var text: String

    /// Creates a source file.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// A non-Markdown file under `content/`, copied to the output as it is.
public struct AssetFile: Sendable, Equatable {
    /// Path relative to `content/` and to the output root.
    public var path: String
    /// Where the file is on disk.
    public var source: URL

    /// Creates an asset.
    public init(path: String, source: URL) {
        self.path = path
        self.source = source
    }
}
