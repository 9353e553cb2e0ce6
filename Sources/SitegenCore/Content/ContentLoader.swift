import Foundation

/// Reads `content/`: Markdown files as text, every other file as an asset to copy.
///
/// Dotfiles, dot-folders and editor backups are ignored.
public struct ContentLoader: Sendable {
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
        listing.markdown = markdown.parallelMap { relative in
            (relative, stamping ? SourceStamp.of(folder + "/" + relative) : nil)
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
        let loaded = load(listing, reusing: memo) { $0 }
        return Result(
            sources: loaded.sources, assets: loaded.assets, diagnostics: loaded.diagnostics)
    }

    /// What `load(_:reusing:each:)` returns: each Markdown file as `each` made it, in path order.
    struct Loaded<T: Sendable>: Sendable {
        var sources: [T]
        var assets: [AssetFile]
        var diagnostics: [Diagnostic]
    }

    /// Loads the Markdown files of `listing` like `load(_:reusing:)`, passing each file to
    /// `each` on the core that read it: work on a file's text overlaps the reading of others,
    /// and the text can be let go as soon as it is used.
    func load<T: Sendable>(
        _ listing: Listing, reusing memo: Memo?, each: @Sendable (SourceFile) -> T
    ) -> Loaded<T> {
        var result = Loaded<T>(sources: [], assets: listing.assets, diagnostics: [])
        let read = listing.markdown.parallelMap { relative, stamp -> (T?, Diagnostic?) in
            switch self.read(relative, stamp: stamp, reusing: memo) {
            case .success(let source): return (each(source), nil)
            case .failure(let problem): return (nil, problem.diagnostic)
            }
        }
        for (source, problem) in read {
            if let source { result.sources.append(source) }
            if let problem { result.diagnostics.append(problem) }
        }
        return result
    }

    /// Why a Markdown file could not be loaded.
    private struct Unreadable: Error {
        var diagnostic: Diagnostic
    }

    /// One Markdown file: its cached parse when its stamp equals the memo's, else its text.
    private func read(_ relative: String, stamp: SourceStamp?, reusing memo: Memo?)
        -> Swift
        .Result<SourceFile, Unreadable>
    {
        let location = SourceLocation(path: "content/" + relative)
        if let memo, let stamp, let cached = memo.sources[relative], cached.stamp == stamp,
            !stamp.isRecent(since: memo.startedAt)
        {
            return .success(SourceFile(path: relative, cached: cached))
        }
        guard let bytes = POSIXFile.read(directory.path + "/" + relative) else {
            return .failure(Unreadable(diagnostic: .error(location, "cannot read file")))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Unreadable(diagnostic: .error(location, "file is not valid UTF-8")))
        }
        return .success(SourceFile(path: relative, text: text, stamp: stamp))
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
