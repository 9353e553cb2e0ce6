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
        files(entries: entries, sectionCounts: sectionCounts, previous: [:]) { _, _ in }
    }

    /// The terms' entries a build encoded, by key (`TermEntryEncoder.key`), for the next one.
    struct EncodedTerms: Sendable {
        /// Each entry's key; empty when the build keeps no cache.
        var keys: [UInt64]
        var entries: [TermEntryEncoder.Encoded]
        /// How many of them were encoded anew rather than taken from the previous build.
        var encodedAnew: Int
    }

    /// Files named by one hash, as a build wrote them: a block of document files, or a shard
    /// (its terms file and its terms' posting lists). The key of what they hold, the hash that
    /// names them and each file's size (for a shard, its terms file's: the posting lists' sizes
    /// follow from the encoded entries its key covers).
    struct FileGroup: Sendable, Equatable {
        var key: UInt64
        var hash: String
        var sizes: [Int]
    }

    /// Document blocks or shards of an earlier build to keep rather than encode again, and
    /// what a build made of them.
    struct FileGroups {
        /// Whether groups are keyed (for a build that keeps them for the next one).
        var records = false
        /// The earlier build's groups, by key.
        var previous: [UInt64: FileGroup] = [:]
        /// Keeps a file (path, size) the output already has; false when it must be written.
        var keep: @Sendable (String, Int) -> Bool = { _, _ in false }
        /// Receives every group of this build, how many were encoded and how many files kept.
        var made: ([FileGroup], _ encoded: Int, _ keptFiles: Int) -> Void = { _, _, _ in }
    }

    /// The files, tokenising only the chunks of documents not in `previous`; every chunk's
    /// scan goes to `scanned` (for the next build) before the files are encoded, so the caller
    /// can store and release them. With `previousTerms` (nil for a build that keeps no cache),
    /// every term is keyed, and a term whose key is there takes that entry instead of being
    /// encoded; every term's entry goes to `encodedTerms`, with its key when keyed. A block of
    /// document files whose key is in `blocks.previous`, and whose files the output still has,
    /// is kept there and left out of the files returned. With `postings` (the base merge of
    /// the chunks) edited chunks are patched into it, and `scanned` gets the scans the patch
    /// still needs too; a build that merges every chunk gives its postings to `merged`.
    func files(
        entries: [SearchEntry], sectionCounts: [Int], previous: [UInt64: SearchChunkScan],
        previousTerms: [UInt64: TermEntryEncoder.Encoded]? = nil, blocks: FileGroups = FileGroups(),
        shardGroups: FileGroups = FileGroups(), postings: MergedPostings? = nil,
        merged: ((MergedPostings) -> Void)? = nil,
        scanned: (_ scans: [SearchChunkScan], _ kept: [SearchChunkScan]) -> Void,
        encodedTerms: (EncodedTerms) -> Void = { _ in }
    ) -> [OutputFile] {
        // The document blocks read only the entries: they are made beside the term index, on
        // a thread of their own (a core the rest of the build may have left idle by then).
        let (previousBlocks, keepBlock, recordsBlocks) = (
            blocks.previous, blocks.keep, blocks.records
        )
        let blockTask = BackgroundTask(inline: jobs == 1) { [self, entries] in
            documentBlocks(
                entries, previous: previousBlocks, keep: keepBlock, records: recordsBlocks)
        }
        // A whole merge goes to `merged` once its terms are keyed, with their keys.
        var made: MergedPostings?
        let index = SearchTermIndex.build(
            entries: entries, sectionCounts: sectionCounts, jobs: jobs, previous: previous,
            scanned: scanned, postings: postings, merged: merged.map { _ in { made = $0 } })
        let encoder = TermEntryEncoder(index: index, cap: cap)
        // Keys are hashed only for a build that keeps them for the next one, and a term a
        // patch left as the base had it takes the key the base stored.
        let base = previousTerms.map { _ in encoder.baseKey }
        let keyed = Array(index.terms.indices).parallelMap(jobs: jobs) {
            position -> (UInt64, TermEntryEncoder.Encoded, Bool) in
            guard let base, let previousTerms else {
                return (0, encoder.encode(term: position), true)
            }
            let key =
                index.storedKey(at: position, baseKey: base)
                ?? encoder.key(term: position, base: base)
            if let known = previousTerms[key] { return (key, known, false) }
            return (key, encoder.encode(term: position), true)
        }
        if var made, let merged {
            if let base {
                var keys = [UInt64](repeating: 0, count: made.termCount)
                for (position, id) in index.termIDs.enumerated() where Int(id) < keys.count {
                    keys[Int(id)] = keyed[position].0
                }
                (made.termKeys, made.keysBase) = (ScanColumn(keys), base)
            }
            merged(made)
        }
        let encoded = keyed.map(\.1)
        encodedTerms(
            EncodedTerms(
                keys: base == nil ? [] : keyed.map(\.0), entries: encoded,
                encodedAnew: keyed.filter(\.2).count))
        let sizes = zip(index.terms, encoded).map { $0.text.utf8.count + $1.entry.count + 4 }
        let shards = ShardPlanner(terms: index.terms, sizes: sizes, limit: shardLimit).plan()
        let termKeys = base == nil ? nil : keyed.map(\.0)
        let kept = (shardGroups.records, shardGroups.previous, shardGroups.keep)
        let madeShards = Array(shards.enumerated()).parallelMap(jobs: jobs) { number, shard in
            madeShard(
                number, shard, index: index, encoded: encoded, encoder: encoder,
                keys: termKeys, kept: kept)
        }
        let keptShards = madeShards.filter { $0.files == nil }
        shardGroups.made(
            madeShards.map(\.group), madeShards.count - keptShards.count,
            keptShards.reduce(0) { $0 + $1.keptFiles })
        let docBlocks = blockTask.value()
        let keptBlocks = docBlocks.filter { $0.docs == nil }
        blocks.made(
            docBlocks.map(\.block), docBlocks.count - keptBlocks.count,
            keptBlocks.reduce(0) { $0 + $1.block.sizes.count })
        var files: [(String, [UInt8])] = []
        let shardHashes = madeShards.map(\.group.hash)
        for made in madeShards {
            guard let group = made.files else { continue }
            files.append(("t-\(made.group.hash).json", group.terms))
            for (position, postings) in group.postings {
                files.append(("p-\(made.group.hash)-\(position).json", postings))
            }
        }
        for made in docBlocks {
            guard let docs = made.docs else { continue }
            for (offset, doc) in docs.enumerated() {
                files.append(("d-\(made.block.hash)-\(made.firstChunk + offset).json", doc))
            }
        }
        let blockHashes = docBlocks.map(\.block.hash)
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

    /// A shard: kept from the output (`files` nil, with how many files were kept) or encoded.
    private struct MadeShard: Sendable {
        var group: FileGroup
        var files: ShardFiles?
        var keptFiles = 0
    }

    /// Shard `number`'s files, or, when `keys` (each term's entry key) give it a key that the
    /// earlier shards (`kept`: whether shards are keyed, the earlier ones by key, and what
    /// keeps a file of the output) have and the output still has its files, the kept shard.
    private func madeShard(
        _ number: Int, _ shard: ShardPlanner.Shard, index: SearchTermIndex,
        encoded: [TermEntryEncoder.Encoded], encoder: TermEntryEncoder, keys: [UInt64]?,
        kept groups: (
            records: Bool, previous: [UInt64: FileGroup], keep: @Sendable (String, Int) -> Bool
        )
    ) -> MadeShard {
        let key = keys.map { shardKey(shard, index: index, keys: $0) } ?? 0
        if groups.records, let known = groups.previous[key], known.sizes.count == 1 {
            var kept = [("search/t-\(known.hash).json", known.sizes[0])]
            for (offset, position) in shard.own.enumerated() {
                if let list = encoded[position].postings {
                    kept.append(("search/p-\(known.hash)-\(offset).json", list.count))
                }
            }
            if kept.allSatisfy({ groups.keep($0.0, $0.1) }) {
                return MadeShard(group: known, files: nil, keptFiles: kept.count)
            }
        }
        let files = shardFile(number, shard, index: index, encoded: encoded, encoder: encoder)
        let hash = Self.groupHash(key: shard.key, [files.terms] + files.postings.map(\.1))
        return MadeShard(
            group: FileGroup(key: key, hash: hash, sizes: [files.terms.count]), files: files)
    }

    /// The key of a shard's files: its prefix and shape, and the text and entry key of every
    /// term under its prefix (an inner shard's aggregate reads them all).
    private func shardKey(_ shard: ShardPlanner.Shard, index: SearchTermIndex, keys: [UInt64])
        -> UInt64
    {
        var hasher = ContextHasher()
        for number in [Self.formatVersion, shardLimit, shard.range.count, shard.own.count] {
            hasher.combine(number)
        }
        hasher.combine("shard")
        hasher.combine(shard.key)
        hasher.combine(shard.own.lowerBound - shard.range.lowerBound)
        for position in shard.range {
            hasher.combine(index.terms[position].text)
            hasher.combine(Int(bitPattern: UInt(keys[position])))
        }
        return hasher.value
    }

    /// A block of document files: kept from the output (`docs` nil) or encoded.
    private struct MadeBlock: Sendable {
        var block: FileGroup
        var firstChunk: Int
        var docs: [[UInt8]]?
    }

    /// The document files, `chunkSize` documents each, in blocks of `blockSize` files named by
    /// their hash; a block whose key `blocks.previous` has, and whose files the output keeps,
    /// is not encoded.
    private func documentBlocks(
        _ entries: [SearchEntry], previous: [UInt64: FileGroup],
        keep: @escaping @Sendable (String, Int) -> Bool, records: Bool
    ) -> [MadeBlock] {
        let chunkCount = (entries.count + chunkSize - 1) / chunkSize
        let starts = Array(stride(from: 0, to: chunkCount, by: blockSize))
        return starts.parallelMap(jobs: jobs) { firstChunk -> MadeBlock in
            let chunks = firstChunk..<min(firstChunk + blockSize, chunkCount)
            let firstDoc = chunks.lowerBound * chunkSize
            let docRange = firstDoc..<min(chunks.upperBound * chunkSize, entries.count)
            let key = records ? blockKey(entries, docRange, firstChunk: firstChunk) : 0
            if records, let known = previous[key], known.sizes.count == chunks.count,
                known.sizes.enumerated().allSatisfy({ offset, size in
                    keep("search/d-\(known.hash)-\(firstChunk + offset).json", size)
                })
            {
                return MadeBlock(block: known, firstChunk: firstChunk, docs: nil)
            }
            let docs = chunks.map { chunk in
                documentFile(
                    entries, (chunk * chunkSize)..<min((chunk + 1) * chunkSize, entries.count))
            }
            let hash = Self.groupHash(key: String(firstChunk), docs)
            return MadeBlock(
                block: FileGroup(key: key, hash: hash, sizes: docs.map(\.count)),
                firstChunk: firstChunk, docs: docs)
        }
    }

    /// One document file: the entries in `range` as `search.json` has them, text cut short.
    private func documentFile(_ entries: [SearchEntry], _ range: Range<Int>) -> [UInt8] {
        var json = JSONBytes()
        json.raw("[")
        for (offset, entry) in entries[range].enumerated() {
            if offset > 0 { json.raw(",") }
            SearchIndexBuilder.encode(entry, text: entry.body.cut(to: textLength), into: &json)
        }
        json.raw("]")
        return json.bytes
    }

    /// The key of a block's files: the sizes that shape them and, for each document, every
    /// field its entry writes, the text by its digest.
    private func blockKey(_ entries: [SearchEntry], _ range: Range<Int>, firstChunk: Int)
        -> UInt64
    {
        var hasher = ContextHasher()
        for number in [Self.formatVersion, chunkSize, blockSize, textLength, firstChunk] {
            hasher.combine(number)
        }
        hasher.combine(range.count)
        // Entries are read in place: copying one retains every string it holds.
        entries.withUnsafeBufferPointer { entries in
            for doc in range { entries[doc].combineKey(into: &hasher) }
        }
        return hasher.value
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
