import Foundation

/// Where a disk build keeps the split search index's chunk scans and its terms' encoded entries
/// (`terms.cache`): read and written by the search index's own thread, so neither the load nor
/// the memory falls on the rest of the build. A build writes `*.tmp` files, which `commit()`
/// moves into place once the build has succeeded.
///
/// Scans are kept in `packCount` pack files, a scan in the pack its key picks, each named by a
/// digest of its keys (`scans-DIGEST.cache`); `.sitegen-cache/search.cache` lists the packs the
/// last build used. A rebuild after an edit writes the one or two packs whose scans changed,
/// not the 38 MB of a 10,000-page site's scans.
struct SearchScanFile: Sendable {
    /// The committed list of packs.
    let url: URL
    /// The build cache's header: format, version, config and options.
    let header: String

    /// How many packs the scans are spread over.
    static let packCount = 16

    /// The list a build writes before it succeeds.
    var pending: URL { url.appendingPathExtension("tmp") }

    /// The cache folder.
    var folder: URL { url.deletingLastPathComponent() }

    /// The file of the pack whose digest is `digest`.
    func packURL(_ digest: UInt64) -> URL {
        folder.appendingPathComponent("scans-\(String(digest, radix: 16)).cache")
    }

    /// The committed file of encoded term entries, beside the scans.
    var termsURL: URL { folder.appendingPathComponent("terms.cache") }

    /// The terms file a build writes before it succeeds.
    var pendingTerms: URL { termsURL.appendingPathExtension("tmp") }

    /// The committed file of the chunks' merged postings (`MergedPostings`), beside the scans.
    var postingsURL: URL { folder.appendingPathComponent("postings.cache") }

    /// The postings file a build writes before it succeeds.
    var pendingPostings: URL { postingsURL.appendingPathExtension("tmp") }

    /// The committed file of document blocks (key, name and file sizes), beside the scans.
    var blocksURL: URL { folder.appendingPathComponent("blocks.cache") }

    /// The blocks file a build writes before it succeeds.
    var pendingBlocks: URL { blocksURL.appendingPathExtension("tmp") }

    /// The committed file of shards (key, name and terms file size), beside the scans.
    var shardsURL: URL { folder.appendingPathComponent("shards.cache") }

    /// The shards file a build writes before it succeeds.
    var pendingShards: URL { shardsURL.appendingPathExtension("tmp") }

    /// The scans of the last successful build, by key; empty when there are none that fit.
    /// A pack that is missing or damaged is left out, and only its chunks are tokenised.
    func load() -> [UInt64: SearchChunkScan] {
        var scans: [UInt64: SearchChunkScan] = [:]
        for digest in digests(in: url) {
            for scan in loadPack(digest) ?? [] where scans[scan.key] == nil {
                scans[scan.key] = scan
            }
        }
        return scans
    }

    /// The pack digests a list file names; none when it is missing or does not fit.
    private func digests(in list: URL) -> [UInt64] {
        guard let data = MappedFile(path: list.path) else { return [] }
        var reader = BinaryReader(data)
        guard (try? reader.string()) == header, let digests = try? reader.integers(UInt64.self),
            reader.isAtEnd
        else { return [] }
        return digests
    }

    /// The scans of the pack named by `digest`; nil when it is missing, damaged or another's.
    private func loadPack(_ digest: UInt64) -> [SearchChunkScan]? {
        guard let data = MappedFile(path: packURL(digest).path, populating: false) else {
            return nil
        }
        var reader = BinaryReader(data)
        guard (try? reader.string()) == header,
            let scans = try? reader.array({ try Self.read(&$0) }), reader.isAtEnd,
            Self.digest(scans.map(\.key)) == digest
        else { return nil }
        return scans
    }

    /// The pack a scan with `key` goes in.
    static func pack(of key: UInt64) -> Int { Int(key % UInt64(packCount)) }

    /// The digest of a pack holding the scans whose keys are `keys`, in any order.
    static func digest(_ keys: [UInt64]) -> UInt64 {
        var hasher = ContextHasher()
        let sorted = keys.sorted()
        hasher.combine(sorted.count)
        for key in sorted { hasher.combine(Int(bitPattern: UInt(key))) }
        return hasher.value
    }

    /// Writes the pending list of the packs that hold `scans`, and each pack whose keys differ
    /// from those `stored` (the keys of the scans read from the committed packs) had in it;
    /// false when that failed.
    @discardableResult
    func write(_ scans: [SearchChunkScan], stored: Set<UInt64>) -> Bool {
        var packs = Array(repeating: [SearchChunkScan](), count: Self.packCount)
        var seen = Set<UInt64>()
        for scan in scans where seen.insert(scan.key).inserted {
            packs[Self.pack(of: scan.key)].append(scan)
        }
        var kept = Array(repeating: [UInt64](), count: Self.packCount)
        for key in stored { kept[Self.pack(of: key)].append(key) }
        var digests: [UInt64] = []
        for (number, pack) in packs.enumerated() where !pack.isEmpty {
            let keys = pack.map(\.key)
            let digest = Self.digest(keys)
            digests.append(digest)
            if Set(keys) == Set(kept[number]) { continue }
            // Through a temporary file, so a pack by its name is always whole.
            let file = packURL(digest)
            let temporary = file.appendingPathExtension("tmp")
            guard
                writeFile(
                    temporary,
                    { writer in
                        writer.array(pack.sorted { $0.key < $1.key }) { Self.write($1, to: &$0) }
                    }), rename(temporary.path, file.path) == 0
            else { return false }
        }
        return writeFile(pending) { writer in writer.integers(digests) }
    }

    /// Writes the header, then `body`, to `file`; false (and no file) when that failed.
    private func writeFile(_ file: URL, _ body: (inout BinaryWriter) -> Void) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        var writer = BinaryWriter(streamingTo: descriptor)
        writer.string(header)
        body(&writer)
        writer.flush()
        guard close(descriptor) == 0, !writer.failed else {
            try? FileManager.default.removeItem(at: file)
            return false
        }
        return true
    }

    /// The last successful build's merged postings; nil when there are none that fit.
    func loadPostings() -> MergedPostings? {
        guard let data = MappedFile(path: postingsURL.path) else { return nil }
        var reader = BinaryReader(data)
        guard (try? reader.string()) == header,
            let postings = try? MergedPostings(
                chunkKeys: reader.integers(UInt64.self),
                chunkStarts: reader.integers(Int64.self).map { Int($0) },
                termBytes: reader.column(UInt8.self), termStarts: reader.column(Int32.self),
                offsets: reader.column(Int64.self), docs: reader.column(Int32.self),
                flags: reader.column(UInt8.self), titlesKey: reader.uint64(),
                titleStarts: reader.column(Int32.self), titlePages: reader.column(Int32.self),
                titleFirst: reader.column(UInt8.self), sortedTerms: reader.column(Int32.self),
                termKeys: reader.column(UInt64.self), keysBase: reader.uint64()),
            // Any bytes make keys, so the keys carry a digest: a damaged one is caught here.
            (try? reader.uint64()) == postings.keysDigest,
            reader.isAtEnd, postings.isConsistent
        else { return nil }
        return postings
    }

    /// Writes merged postings to the pending postings file; false (and no file) when that
    /// failed.
    @discardableResult
    func writePostings(_ postings: MergedPostings) -> Bool {
        writeFile(pendingPostings) { writer in
            writer.integers(postings.chunkKeys)
            writer.integers(postings.chunkStarts.map { Int64($0) })
            writer.column(postings.termBytes)
            writer.column(postings.termStarts)
            writer.column(postings.offsets)
            writer.column(postings.docs)
            writer.column(postings.flags)
            writer.uint64(postings.titlesKey)
            writer.column(postings.titleStarts)
            writer.column(postings.titlePages)
            writer.column(postings.titleFirst)
            writer.column(postings.sortedTerms)
            writer.column(postings.termKeys)
            writer.uint64(postings.keysBase)
            writer.uint64(postings.keysDigest)
        }
    }

    /// Puts the pending files in place of the committed ones, where a build wrote them, and
    /// removes the packs the list no longer names.
    func commit() {
        let files = [
            (pending, url), (pendingTerms, termsURL), (pendingBlocks, blocksURL),
            (pendingShards, shardsURL),
            (pendingPostings, postingsURL),
        ]
        for (from, to) in files where FileManager.default.fileExists(atPath: from.path) {
            if rename(from.path, to.path) != 0 { try? FileManager.default.removeItem(at: from) }
        }
        removeUnlistedPacks()
    }

    /// Removes what a failed build wrote: its pending files and the packs the committed list
    /// does not name.
    func discardPending() {
        try? FileManager.default.removeItem(at: pending)
        try? FileManager.default.removeItem(at: pendingTerms)
        try? FileManager.default.removeItem(at: pendingBlocks)
        try? FileManager.default.removeItem(at: pendingShards)
        try? FileManager.default.removeItem(at: pendingPostings)
        removeUnlistedPacks()
    }

    /// Removes the pack files that the committed list does not name.
    private func removeUnlistedPacks() {
        let listed = Set(digests(in: url).map { packURL($0).lastPathComponent })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("scans-") && !listed.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The document blocks (`shards` false) or shards of the last successful build, by key;
    /// empty when there are none that fit.
    func loadGroups(shards: Bool = false) -> [UInt64: SplitSearchIndexBuilder.FileGroup] {
        guard let data = MappedFile(path: (shards ? shardsURL : blocksURL).path) else {
            return [:]
        }
        var reader = BinaryReader(data)
        do {
            guard try reader.string() == header else { return [:] }
            let groups = try reader.array { reader in
                SplitSearchIndexBuilder.FileGroup(
                    key: try reader.uint64(), hash: try reader.string(),
                    sizes: try reader.integers(Int64.self).map(Int.init))
            }
            guard reader.isAtEnd else { return [:] }
            return Dictionary(groups.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            return [:]
        }
    }

    /// Writes the document blocks (`shards` false) or shards to their pending file; false (and
    /// no file) when that failed.
    @discardableResult
    func writeGroups(_ groups: [SplitSearchIndexBuilder.FileGroup], shards: Bool = false) -> Bool {
        writeFile(shards ? pendingShards : pendingBlocks) { writer in
            writer.array(groups) { writer, group in
                writer.uint64(group.key)
                writer.string(group.hash)
                writer.integers(group.sizes.map(Int64.init))
            }
        }
    }

    /// The encoded term entries of the last successful build, by key; empty when there are
    /// none that fit.
    func loadTerms() -> [UInt64: TermEntryEncoder.Encoded] {
        guard let data = MappedFile(path: termsURL.path) else { return [:] }
        var reader = BinaryReader(data)
        do {
            guard try reader.string() == header else { return [:] }
            let keys = try reader.integers(UInt64.self)
            var terms: [UInt64: TermEntryEncoder.Encoded] = [:]
            terms.reserveCapacity(keys.count)
            for key in keys {
                let entry = try reader.integers(UInt8.self)
                let postings = try reader.bool() ? try reader.integers(UInt8.self) : nil
                terms[key] = TermEntryEncoder.Encoded(entry: entry, postings: postings)
            }
            guard reader.isAtEnd else { return [:] }
            return terms
        } catch {
            return [:]
        }
    }

    /// Writes the encoded term entries to the pending terms file; false (and no file) when
    /// that failed.
    @discardableResult
    func writeTerms(_ terms: SplitSearchIndexBuilder.EncodedTerms) -> Bool {
        writeFile(pendingTerms) { writer in
            writer.integers(terms.keys)
            for entry in terms.entries {
                writer.integers(entry.entry)
                writer.bool(entry.postings != nil)
                if let postings = entry.postings { writer.integers(postings) }
            }
        }
    }

    private static func write(_ scan: SearchChunkScan, to writer: inout BinaryWriter) {
        writer.uint64(scan.key)
        writer.int(scan.docCount)
        writer.column(scan.termBytes)
        writer.column(scan.termStarts)
        writer.column(scan.terms)
        writer.column(scan.docs)
        writer.column(scan.flags)
    }

    private static func read(_ reader: inout BinaryReader) throws -> SearchChunkScan {
        // Its lists are checked where they are read (`SearchChunkScan.isConsistent`): a rebuild
        // reads the scans of the chunks it edited, not the 40 MB of all of them.
        SearchChunkScan(
            key: try reader.uint64(), docCount: try reader.int(),
            termBytes: try reader.column(UInt8.self), termStarts: try reader.column(Int32.self),
            terms: try reader.column(Int32.self), docs: try reader.column(Int32.self),
            flags: try reader.column(UInt8.self))
    }
}
