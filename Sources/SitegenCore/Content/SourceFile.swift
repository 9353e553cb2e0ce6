import Foundation

/// A Markdown file read from `content/`.
public struct SourceFile: Sendable, Equatable {
    /// Path relative to `content/`, with `/` separators.
    public var path: String
    /// The file's text; empty when it was not read because `cached` stands for it.
    public var text: String
    /// The file's stamp when it was read, for the next build's cache.
    public var stamp: SourceStamp?
    /// The earlier build's parse of this unchanged file, when it was not read.
    var cached: CachedSource?
    /// The hash of the body an earlier build parsed from this file, when it was read again
    /// (its stamp changed): a body that hashes the same is left on disk, as a cached page's is.
    var previousBodyHash: UInt64?

    /// Creates a source file.
    public init(path: String, text: String, stamp: SourceStamp? = nil) {
        self.path = path
        self.text = text
        self.stamp = stamp
    }

    /// A file left unread: an earlier build's parse stands for it.
    init(path: String, cached: CachedSource) {
        self.init(path: path, text: "", stamp: cached.stamp)
        self.cached = cached
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
