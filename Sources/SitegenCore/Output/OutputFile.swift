import Foundation

/// A file of the built site.
public struct OutputFile: Sendable, Equatable {
    /// Where the bytes come from.
    public enum Contents: Sendable, Equatable {
        /// Bytes made by the build.
        case data(Data)
        /// A file copied as it is.
        case copy(URL)
    }

    /// Path relative to the output root, such as `guide/intro/index.html`.
    public var path: String
    /// The file's contents.
    public var contents: Contents
    /// Whether the path names a hash of the contents (the split search index's files), so an
    /// existing file of the same size at that path is taken to hold them without reading it.
    public var isNamedByContent: Bool

    /// Creates an output file.
    public init(path: String, contents: Contents, isNamedByContent: Bool = false) {
        self.path = path
        self.contents = contents
        self.isNamedByContent = isNamedByContent
    }

    /// The bytes, reading a copied file from disk.
    public func bytes() -> Data? {
        switch contents {
        case .data(let data): return data
        case .copy(let url): return FileManager.default.contents(atPath: url.path)
        }
    }
}
