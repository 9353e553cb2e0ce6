import Foundation

/// Results of an earlier build, reused when their inputs are unchanged, so a rebuild after an
/// edit re-renders only what depends on it. Keys hash every input of a result, so a build with
/// a cache gives exactly the bytes of a build without one.
public struct BuildCache: Sendable {
    /// A rendered page and the hash of everything its Markdown rendering read.
    struct MarkdownEntry: Sendable {
        var key: UInt64
        var page: RenderedPage
    }

    /// A templated file: the hash of its template set and context, its bytes when they are
    /// kept in memory (serve) or the stamp of the file on disk, and its link check.
    struct OutputEntry: Sendable {
        var key: UInt64
        var data: Data?
        var check: OutputLinkChecker.PageCheck
        var stamp: FileStamp?
    }

    var markdown: [String: MarkdownEntry] = [:]
    /// Each Markdown file's parse, by path under `content/`, reused while the file is unchanged.
    var sources: [String: CachedSource] = [:]
    /// When the build that made this cache began (nanoseconds since 1970); files changed since
    /// then are read again even when their stamp matches.
    var startedAt = 0
    /// Every page's related pages, and the hash of every page's topics they were found from.
    var related: (key: UInt64, pages: [[Int]])?
    /// The Markdown link check's warnings, and the key of its input (`LinkChecker.key`).
    var linkCheck: (key: UInt64, diagnostics: [Diagnostic])?
    /// Digests (`BuildCacheStore.digest`) of the files of Markdown entries the cache was loaded
    /// from: a save keeps the files whose entries are unchanged instead of writing them again.
    var storedSections: Set<UInt64> = []
    var outputs: [String: OutputEntry] = [:]
    /// The split search index's tokenised chunks, by key, for builds kept in memory.
    var search: [UInt64: SearchChunkScan] = [:]
    /// The split search index's encoded term entries, by key, for builds kept in memory.
    var searchTerms: [UInt64: TermEntryEncoder.Encoded] = [:]
    /// Where a disk build reads and writes them instead.
    var searchFile: SearchScanFile?
    /// Whether results are hashed and kept; a one-shot build skips the hashing.
    let isRecording: Bool

    /// Creates an empty cache.
    public init() {
        isRecording = true
    }

    private init(recording: Bool) {
        isRecording = recording
    }

    /// A cache that keeps nothing, for builds that are not followed by another.
    public static let disabled = BuildCache(recording: false)
}

/// How much of a build was done anew rather than taken from the cache.
public struct RebuildCounts: Sendable, Equatable {
    /// Pages whose Markdown was rendered.
    public var markdownRendered = 0
    /// Files whose template was applied.
    public var templated = 0
    /// Pages whose related pages were found anew (0 when every page's topics are unchanged).
    public var pagesRelated = 0
    /// Pages whose Markdown links were checked (0 when no page's links, ids or path changed,
    /// nor the other files, and the last build's warnings stand).
    public var pagesLinkChecked = 0
    /// Files of the saved cache's page entries kept from the previous build, their entries
    /// being unchanged, rather than encoded and written again.
    public var cacheSectionsKept = 0
    /// Markdown files read from disk (the others were unchanged since the cache was made).
    public var sourcesRead = 0
    /// Chunks of the split search index's documents, and how many of them were tokenised.
    public var searchChunks = 0
    public var searchChunksTokenised = 0
    /// Terms of the split search index, and how many of them had their entries encoded anew.
    public var searchTerms = 0
    public var searchTermsEncoded = 0
    /// Blocks of the split search index's document files, and how many of them were encoded
    /// rather than kept in the output as they were.
    public var searchBlocks = 0
    public var searchBlocksEncoded = 0
    /// Shards of the split search index's term files, and how many of them were encoded
    /// rather than kept in the output as they were.
    public var searchShards = 0
    public var searchShardsEncoded = 0
    /// Whether the split search index's merged postings were patched from the last build's
    /// (a few chunks changed) rather than merged from every chunk.
    public var searchPostingsPatched = false
    /// How many of the published files (sitemap, robots.txt, feed, redirects) were kept from
    /// the last build rather than made again.
    public var publishedKept = 0

    /// Creates counts.
    public init(
        markdownRendered: Int = 0, templated: Int = 0, searchChunks: Int = 0,
        searchChunksTokenised: Int = 0
    ) {
        self.markdownRendered = markdownRendered
        self.templated = templated
        self.searchChunks = searchChunks
        self.searchChunksTokenised = searchChunksTokenised
    }
}
