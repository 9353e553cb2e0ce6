import Foundation

/// Writes the split search index under `search/`, for sites too large for one `search.json`:
/// a manifest at a fixed URL, term shards by prefix, full posting lists of common terms and
/// small chunks of documents, so a first query loads a few small files.
///
/// Every other file is named after a hash of its group's bytes, so a file keeps its name (and
/// its bytes, and its modification time) until what it holds changes, and caches never mix
/// builds:
/// - `search/manifest.json`: `{block, build, chunk, d, docs, s, shards, version}`; `shards` are
///   the shard keys, sorted (see `ShardPlanner`), `s` the hash of each shard's files, `d` the
///   hash of each block of `block` document chunks, `build` a hash of every file.
/// - `search/t-S.json` for `shards[I]`, `S = s[I]`: `{w: [terms], e: [entries], a: aggregate}`
///   (`a` only for inner shards); entries as `TermEntryEncoder` writes them.
/// - `search/p-S-K.json`: the full document list of term `w[K]` of that shard.
/// - `search/d-D-J.json`, `D = d[J / block]`: documents `J * chunk ..< (J + 1) * chunk` as
///   `search.json` entries, with the text cut to `textLength` characters for snippets.
public struct SplitSearchIndexBuilder: Sendable {
    /// Version of the file format, in the manifest.
    public static let formatVersion = 2
    /// Most documents a term's entry keeps.
    public var cap = 100
    /// Documents per `d-D-J.json`.
    public var chunkSize = 4
    /// Document chunks per block, the unit whose hash names them.
    public var blockSize = 64
    /// Characters of section text kept for snippets.
    public var textLength = 240
    /// Shards larger than this many bytes are split by the next character.
    public var shardLimit = 24 * 1024
    /// Worker count; nil uses every core.
    public var jobs: Int?

    /// Creates a builder with the default sizes.
    public init(jobs: Int? = nil) {
        self.jobs = jobs
    }

    /// The files for `entries` (as in `search.json`); `sectionCounts` is each page's number of
    /// entries, in reading order.
    public func files(entries: [SearchEntry], sectionCounts: [Int]) -> [OutputFile] {
        files(entries: entries, sectionCounts: sectionCounts, previous: [:]) { _ in }
    }

    /// The terms' entries a build encoded, by key (`TermEntryEncoder.key`), for the next one.
    struct EncodedTerms: Sendable {
        /// Each entry's key; empty when the build keeps no cache.
        var keys: [UInt64]
        var entries: [TermEntryEncoder.Encoded]
        /// How many of them were encoded anew rather than taken from the previous build.
        var encodedAnew: Int
    }

    /// The files, tokenising only the chunks of documents not in `previous`; every chunk's
    /// scan goes to `scanned` (for the next build) before the files are encoded, so the caller
    /// can store and release them. With `previousTerms` (nil for a build that keeps no cache),
    /// every term is keyed, and a term whose key is there takes that entry instead of being
    /// encoded; every term's entry goes to `encodedTerms`, with its key when keyed.
    func files(
        entries: [SearchEntry], sectionCounts: [Int], previous: [UInt64: SearchChunkScan],
        previousTerms: [UInt64: TermEntryEncoder.Encoded]? = nil,
        scanned: ([SearchChunkScan]) -> Void, encodedTerms: (EncodedTerms) -> Void = { _ in }
    ) -> [OutputFile] {
        let index = SearchTermIndex.build(
            entries: entries, sectionCounts: sectionCounts, jobs: jobs, previous: previous,
            scanned: scanned)
        let encoder = TermEntryEncoder(index: index, cap: cap)
        // Keys are hashed only for a build that keeps them for the next one.
        let base = previousTerms.map { _ in encoder.baseKey }
        let keyed = Array(index.terms.indices).parallelMap(jobs: jobs) {
            position -> (UInt64, TermEntryEncoder.Encoded, Bool) in
            guard let base, let previousTerms else {
                return (0, encoder.encode(term: position), true)
            }
            let key = encoder.key(term: position, base: base)
            if let known = previousTerms[key] { return (key, known, false) }
            return (key, encoder.encode(term: position), true)
        }
        let encoded = keyed.map(\.1)
        encodedTerms(
            EncodedTerms(
                keys: base == nil ? [] : keyed.map(\.0), entries: encoded,
                encodedAnew: keyed.filter(\.2).count))
        let sizes = zip(index.terms, encoded).map { $0.text.utf8.count + $1.entry.count + 4 }
        let shards = ShardPlanner(terms: index.terms, sizes: sizes, limit: shardLimit).plan()
        let shardFiles = Array(shards.enumerated()).parallelMap(jobs: jobs) { number, shard in
            shardFile(number, shard, index: index, encoded: encoded, encoder: encoder)
        }
        let chunks = Array(stride(from: 0, to: entries.count, by: chunkSize))
        let docs = chunks.parallelMap(jobs: jobs) { start in
            var json = JSONBytes()
            json.raw("[")
            for (offset, entry) in entries[start..<min(start + chunkSize, entries.count)]
                .enumerated()
            {
                if offset > 0 { json.raw(",") }
                SearchIndexBuilder.encode(
                    entry, text: entry.body.cut(to: textLength), into: &json)
            }
            json.raw("]")
            return json.bytes
        }
        var files: [(String, [UInt8])] = []
        var shardHashes: [String] = []
        for (group, shard) in zip(shardFiles, shards) {
            let hash = Self.groupHash(
                key: shard.key, [group.terms] + group.postings.map(\.1))
            shardHashes.append(hash)
            files.append(("t-\(hash).json", group.terms))
            for (position, postings) in group.postings {
                files.append(("p-\(hash)-\(position).json", postings))
            }
        }
        var blockHashes: [String] = []
        for blockStart in stride(from: 0, to: docs.count, by: blockSize) {
            let block = blockStart..<min(blockStart + blockSize, docs.count)
            let hash = Self.groupHash(key: String(blockStart), Array(docs[block]))
            blockHashes.append(hash)
            for number in block { files.append(("d-\(hash)-\(number).json", docs[number])) }
        }
        var manifest = JSONBytes()
        manifest.raw("{\"block\":")
        manifest.number(blockSize)
        manifest.raw(",\"build\":")
        manifest.string(Self.buildID(shards: shardHashes, blocks: blockHashes))
        manifest.raw(",\"chunk\":")
        manifest.number(chunkSize)
        manifest.raw(",\"d\":")
        manifest.strings(blockHashes)
        manifest.raw(",\"docs\":")
        manifest.number(entries.count)
        manifest.raw(",\"s\":")
        manifest.strings(shardHashes)
        manifest.raw(",\"shards\":")
        manifest.strings(shards.map(\.key))
        manifest.raw(",\"version\":")
        manifest.number(Self.formatVersion)
        manifest.raw("}")
        return [OutputFile(path: "search/manifest.json", contents: .data(Data(manifest.bytes)))]
            + files.map {
                OutputFile(
                    path: "search/\($0.0)", contents: .data(Data($0.1)), isNamedByContent: true)
            }
    }

    /// A hash naming a group of files: the group's own key (so two groups with equal files
    /// still get two names), then each file's length and bytes, in order.
    static func groupHash(key: String, _ files: [[UInt8]]) -> String {
        var hasher = ContextHasher()
        hasher.combine(key)
        hasher.combine(files.count)
        for file in files { hasher.combine(buffer: file) }
        return StableHash.hex(of: hasher.value)
    }

    /// A shard's terms file and the posting lists of its terms, by the term's position.
    private struct ShardFiles: Sendable {
        var terms: [UInt8]
        var postings: [(Int, [UInt8])]
    }

    /// The terms file of shard `number` and the posting lists of its terms.
    private func shardFile(
        _ number: Int, _ shard: ShardPlanner.Shard, index: SearchTermIndex,
        encoded: [TermEntryEncoder.Encoded], encoder: TermEntryEncoder
    ) -> ShardFiles {
        var json = JSONBytes()
        json.raw("{")
        if !shard.isLeaf {
            json.raw("\"a\":")
            json.json(encoder.aggregate(shard.range))
            json.raw(",")
        }
        json.raw("\"e\":[")
        var postings: [(Int, [UInt8])] = []
        for (offset, position) in shard.own.enumerated() {
            if offset > 0 { json.raw(",") }
            json.json(encoded[position].entry)
            if let list = encoded[position].postings { postings.append((offset, list)) }
        }
        json.raw("],\"w\":")
        json.strings(shard.own.map { index.terms[$0].text })
        json.raw("}")
        return ShardFiles(terms: json.bytes, postings: postings)
    }

    /// The first `length` Unicode scalars of `text`, ending at a word break when one is near,
    /// with `…` when something was cut (`SearchText.cut(to:)`).
    static func cut(_ text: String, to length: Int) -> String {
        SearchText(text).cut(to: length).string
    }

    /// Whether an index file's name changes with the index's content (all but the manifest).
    /// No page links to such a file by name, so cache keys leave them out.
    static func isVersioned(_ path: String) -> Bool {
        path.hasPrefix("search/") && path != "search/manifest.json"
    }

    /// A hash of every file: of the hashes that name them.
    static func buildID(shards: [String], blocks: [String]) -> String {
        var hasher = ContextHasher()
        hasher.combine(shards.count)
        for hash in shards + blocks { hasher.combine(hash) }
        return StableHash.hex(of: hasher.value)
    }
}
