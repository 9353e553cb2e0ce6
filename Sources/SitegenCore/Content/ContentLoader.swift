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
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
            || name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name.hasSuffix(".bak") || name.hasSuffix(".orig")
            || name == "4913"
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
        let lowered = path.lowercased()
        return lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
    }

    /// Relative paths of every file that is not ignored, sorted.
    func listFiles() -> [String] {
        var files: [String] = []
        collect(directory, prefix: "", into: &files)
        return files.sorted()
    }

    private func collect(_ folder: URL, prefix: String, into files: inout [String]) {
        for (name, isFolder) in FolderListing.entries(of: folder.path).sorted(by: { $0.0 < $1.0 })
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
