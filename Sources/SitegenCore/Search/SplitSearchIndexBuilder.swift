import Foundation

/// Writes the split search index under `search/`, for sites too large for one `search.json`:
/// a manifest at a fixed URL, term shards by prefix, full posting lists of common terms and
/// small chunks of documents, so a first query loads a few small files.
///
/// Files (`B` is a hash of everything but the manifest, so caches never mix builds):
/// - `search/manifest.json`: `{build, chunk, docs, shards, version}`; `shards` are the shard
///   keys, sorted (see `ShardPlanner`).
/// - `search/B/terms-I.json` for `shards[I]`: `{w: [terms], e: [entries], a: aggregate}` (`a`
///   only for inner shards); entries as `TermEntryEncoder` writes them.
/// - `search/B/postings-I-K.json`: the full document list of term `w[K]` of shard `I`.
/// - `search/B/docs-J.json`: documents `J * chunk ..< (J + 1) * chunk` as `search.json` entries,
///   with the text cut to `textLength` characters for snippets.
public struct SplitSearchIndexBuilder: Sendable {
    /// Version of the file format, in the manifest.
    public static let formatVersion = 1
    /// Most documents a term's entry keeps.
    public var cap = 100
    /// Documents per `docs-J.json`.
    public var chunkSize = 4
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

    /// The files, tokenising only the chunks of documents not in `previous`; every chunk's
    /// scan goes to `scanned` (for the next build) before the files are encoded, so the caller
    /// can store and release them.
    func files(
        entries: [SearchEntry], sectionCounts: [Int], previous: [UInt64: SearchChunkScan],
        scanned: ([SearchChunkScan]) -> Void
    ) -> [OutputFile] {
        let index = SearchTermIndex.build(
            entries: entries, sectionCounts: sectionCounts, jobs: jobs, previous: previous,
            scanned: scanned)
        let encoder = TermEntryEncoder(index: index, cap: cap)
        let encoded = Array(index.terms.indices).parallelMap(jobs: jobs) {
            encoder.encode(term: $0)
        }
        let sizes = zip(index.terms, encoded).map { $0.text.utf8.count + $1.entry.count + 4 }
        let shards = ShardPlanner(terms: index.terms, sizes: sizes, limit: shardLimit).plan()
        var files: [(String, [UInt8])] = []
        let shardFiles = Array(shards.enumerated()).parallelMap(jobs: jobs) { number, shard in
            shardFile(number, shard, index: index, encoded: encoded, encoder: encoder)
        }
        for list in shardFiles { files += list }
        let chunks = Array(stride(from: 0, to: entries.count, by: chunkSize))
        files += chunks.parallelMap(jobs: jobs) { start in
            var json = JSONBytes()
            json.raw("[")
            for (offset, entry) in entries[start..<min(start + chunkSize, entries.count)]
                .enumerated()
            {
                if offset > 0 { json.raw(",") }
                SearchIndexBuilder.encode(
                    entry, text: Self.cut(entry.text, to: textLength), into: &json)
            }
            json.raw("]")
            return ("docs-\(start / chunkSize).json", json.bytes)
        }
        let build = Self.buildID(files)
        var manifest = JSONBytes()
        manifest.raw("{\"build\":")
        manifest.string(build)
        manifest.raw(",\"chunk\":")
        manifest.number(chunkSize)
        manifest.raw(",\"docs\":")
        manifest.number(entries.count)
        manifest.raw(",\"shards\":")
        manifest.strings(shards.map(\.key))
        manifest.raw(",\"version\":")
        manifest.number(Self.formatVersion)
        manifest.raw("}")
        return [OutputFile(path: "search/manifest.json", contents: .data(Data(manifest.bytes)))]
            + files.map { OutputFile(path: "search/\(build)/\($0.0)", contents: .data(Data($0.1))) }
    }

    /// `terms-I.json` and the posting lists of its terms.
    private func shardFile(
        _ number: Int, _ shard: ShardPlanner.Shard, index: SearchTermIndex,
        encoded: [TermEntryEncoder.Encoded], encoder: TermEntryEncoder
    ) -> [(String, [UInt8])] {
        var json = JSONBytes()
        json.raw("{")
        if !shard.isLeaf {
            json.raw("\"a\":")
            json.json(encoder.aggregate(shard.range))
            json.raw(",")
        }
        json.raw("\"e\":[")
        var files: [(String, [UInt8])] = []
        for (offset, position) in shard.own.enumerated() {
            if offset > 0 { json.raw(",") }
            json.json(encoded[position].entry)
            if let postings = encoded[position].postings {
                files.append(("postings-\(number)-\(offset).json", postings))
            }
        }
        json.raw("],\"w\":")
        json.strings(shard.own.map { index.terms[$0].text })
        json.raw("}")
        return [("terms-\(number).json", json.bytes)] + files
    }

    /// The first `length` Unicode scalars of `text`, ending at a word break when one is near,
    /// with `…` when something was cut.
    static func cut(_ text: String, to length: Int) -> String {
        let scalars = text.unicodeScalars
        guard
            let end = scalars.index(
                scalars.startIndex, offsetBy: length, limitedBy: scalars.endIndex),
            end < scalars.endIndex
        else { return text }
        var head = scalars[..<end]
        if let space = head.lastIndex(of: " "), head.distance(from: space, to: head.endIndex) < 40 {
            head = head[..<space]
        }
        return String(head) + "…"
    }

    /// A hash of every file's name and bytes, in order.
    /// Whether an index file's name changes with the index's content (`search/<build>/…`).
    /// No page links to such a file by name, so cache keys leave them out.
    static func isVersioned(_ path: String) -> Bool {
        path.hasPrefix("search/") && path != "search/manifest.json"
    }

    static func buildID(_ files: [(String, [UInt8])]) -> String {
        let hashes = files.parallelMap { StableHash.fnv1a($0.0.utf8) ^ StableHash.fnv1a($0.1) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hashes.count * 8)
        for hash in hashes { withUnsafeBytes(of: hash.littleEndian) { bytes += $0 } }
        return StableHash.hex(bytes)
    }
}
