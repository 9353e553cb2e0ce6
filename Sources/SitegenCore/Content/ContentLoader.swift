import Foundation

/// Reads `content/`: Markdown files as text, every other file as an asset to copy.
///
/// Dotfiles, dot-folders and editor backups are ignored.
public struct ContentLoader {
    /// What was found under `content/`.
    public struct Result: Sendable {
        /// Markdown files, sorted by path.
        public var sources: [SourceFile]
        /// Other files, sorted by path.
        public var assets: [AssetFile]
        /// Files that could not be read.
        public var diagnostics: [Diagnostic]
    }

    /// The content folder.
    public let directory: URL

    /// Creates a loader for a content folder.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Whether a file or folder name is one sitegen ignores.
    public static func isIgnored(_ name: String) -> Bool {
        // On the name's bytes: a site's listing asks this of 10,000 names.
        name.withUTF8Bytes { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == UInt8(ascii: ".") || first == UInt8(ascii: "#") || last == 0x7E {
                return true
            }
            return ignoredSuffixes.contains { Self.hasSuffix(bytes, $0, foldingCase: false) }
                || bytes.elementsEqual("4913".utf8)
        }
    }

    /// Editor and backup files' endings.
    private static let ignoredSuffixes: [[UInt8]] = [
        ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig",
    ].map { Array($0.utf8) }

    /// Whether `bytes` end with `suffix` (ASCII), in any case when `foldingCase`.
    private static func hasSuffix(
        _ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8], foldingCase: Bool
    ) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let start = bytes.count - suffix.count
        for (offset, expected) in suffix.enumerated() {
            var byte = bytes[start + offset]
            if foldingCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }

    /// Walks the folder and reads the Markdown files on all cores; a missing folder is an empty
    /// site.
    public func load() -> Result {
        load(reusing: nil)
    }

    /// What an earlier build parsed: each Markdown file's cached parse, and when that build
    /// began (nanoseconds since 1970); files changed since then are always read.
    struct Memo: Sendable {
        var sources: [String: CachedSource]
        var startedAt: Int
    }

    /// The files under the folder, sorted: each Markdown file with its stamp (when asked
    /// for), and the assets.
    struct Listing: Sendable {
        var markdown: [(path: String, stamp: SourceStamp?)]
        var assets: [AssetFile]
    }

    /// Walks the folder, stamping the Markdown files on all cores when `stamping`; this needs
    /// no cache, so a build does it while the cache loads.
    func list(stamping: Bool) -> Listing {
        var listing = Listing(markdown: [], assets: [])
        var markdown: [String] = []
        for relative in listFiles() {
            if Self.isMarkdown(relative) {
                markdown.append(relative)
            } else {
                listing.assets.append(
                    AssetFile(path: relative, source: directory.appendingPathComponent(relative)))
            }
        }
        let folder = directory.path
        let handle = stamping ? DirectoryHandle(folder) : nil
        listing.markdown = markdown.parallelMap { relative in
            guard stamping else { return (relative, nil) }
            guard let handle else { return (relative, SourceStamp.of(folder + "/" + relative)) }
            return (relative, SourceStamp.of(relative, in: handle))
        }
        return listing
    }

    /// Loads the content, stamping each Markdown file when `memo` is given, and leaving unread
    /// the files whose stamp equals the memo's.
    func load(reusing memo: Memo?) -> Result {
        load(list(stamping: memo != nil), reusing: memo)
    }

    /// Loads the Markdown files of `listing`, leaving unread those whose stamp equals the
    /// memo's.
    func load(_ listing: Listing, reusing memo: Memo?) -> Result {
        var result = Result(sources: [], assets: listing.assets, diagnostics: [])
        let folder = directory.path
        let read = listing.markdown.parallelMap { relative, stamp -> (SourceFile?, Diagnostic?) in
            if let memo, let stamp, let cached = memo.sources[relative], cached.stamp == stamp,
                !stamp.isRecent(since: memo.startedAt)
            {
                return (SourceFile(path: relative, cached: cached), nil)
            }
            let location = SourceLocation(path: "content/" + relative)
            guard let bytes = POSIXFile.read(folder + "/" + relative) else {
                return (nil, .error(location, "cannot read file"))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return (nil, .error(location, "file is not valid UTF-8"))
            }
            var source = SourceFile(path: relative, text: text, stamp: stamp)
            source.previousBodyHash = memo?.sources[relative]?.bodyHash
            return (source, nil)
        }
        result.sources.reserveCapacity(read.count)
        for (source, problem) in read {
            if let source { result.sources.append(source) }
            if let problem { result.diagnostics.append(problem) }
        }
        return result
    }

    private static func isMarkdown(_ path: String) -> Bool {
        path.withUTF8Bytes { bytes in
            markdownSuffixes.contains { hasSuffix(bytes, $0, foldingCase: true) }
        }
    }

    private static let markdownSuffixes: [[UInt8]] = [".md", ".markdown"].map { Array($0.utf8) }

    /// Relative paths of every file that is not ignored, sorted by their bytes (the order of
    /// their Unicode scalars).
    func listFiles() -> [String] {
        var files: [String] = []
        collect(directory, prefix: "", into: &files)
        return ByteOrder.sorted(files)
    }

    private func collect(_ folder: URL, prefix: String, into files: inout [String]) {
        for (name, isFolder) in FolderListing.entries(of: folder.path)
        where !Self.isIgnored(name) {
            if isFolder {
                collect(
                    folder.appendingPathComponent(name), prefix: prefix + name + "/", into: &files)
            } else {
                files.append(prefix + name)
            }
        }
    }
}
