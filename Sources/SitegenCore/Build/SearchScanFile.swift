import Foundation

/// Where a disk build keeps the split search index's chunk scans (`.sitegen-cache/search.cache`)
/// and its terms' encoded entries (`terms.cache`): read and written by the search index's own
/// thread, so neither the load nor the memory falls on the rest of the build. A build writes
/// `*.cache.tmp` files, which `commit()` moves into place once the build has succeeded.
struct SearchScanFile: Sendable {
    /// The committed file.
    let url: URL
    /// The build cache's header: format, version, config and options.
    let header: String

    /// The file a build writes before it succeeds.
    var pending: URL { url.appendingPathExtension("tmp") }

    /// The committed file of encoded term entries, beside the scans.
    var termsURL: URL { url.deletingLastPathComponent().appendingPathComponent("terms.cache") }

    /// The terms file a build writes before it succeeds.
    var pendingTerms: URL { termsURL.appendingPathExtension("tmp") }

    /// The committed file of document blocks (key, name and file sizes), beside the scans.
    var blocksURL: URL { url.deletingLastPathComponent().appendingPathComponent("blocks.cache") }

    /// The blocks file a build writes before it succeeds.
    var pendingBlocks: URL { blocksURL.appendingPathExtension("tmp") }

    /// The scans of the last successful build, by key; empty when there are none that fit.
    func load() -> [UInt64: SearchChunkScan] {
        guard let data = MappedFile(path: url.path) else { return [:] }
        var reader = BinaryReader(data)
        do {
            guard try reader.string() == header else { return [:] }
            let scans = try reader.array { try Self.read(&$0) }
            guard reader.isAtEnd else { return [:] }
            return Dictionary(scans.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            return [:]
        }
    }

    /// Writes `scans` to the pending file; false (and no file) when that failed.
    @discardableResult
    func write(_ scans: [SearchChunkScan]) -> Bool {
        writeFile(pending) { writer in
            writer.array(scans.sorted { $0.key < $1.key }) { Self.write($1, to: &$0) }
        }
    }

    /// Writes the header, then `body`, to `file`; false (and no file) when that failed.
    private func writeFile(_ file: URL, _ body: (inout BinaryWriter) -> Void) -> Bool {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
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

    /// Puts the pending files in place of the committed ones, where a build wrote them.
    func commit() {
        for (from, to) in [(pending, url), (pendingTerms, termsURL), (pendingBlocks, blocksURL)]
        where FileManager.default.fileExists(atPath: from.path) {
            if rename(from.path, to.path) != 0 { try? FileManager.default.removeItem(at: from) }
        }
    }

    /// Removes what a failed build wrote.
    func discardPending() {
        try? FileManager.default.removeItem(at: pending)
        try? FileManager.default.removeItem(at: pendingTerms)
        try? FileManager.default.removeItem(at: pendingBlocks)
    }

    /// The document blocks of the last successful build, by key; empty when there are none
    /// that fit.
    func loadBlocks() -> [UInt64: SplitSearchIndexBuilder.DocBlock] {
        guard let data = MappedFile(path: blocksURL.path) else { return [:] }
        var reader = BinaryReader(data)
        do {
            guard try reader.string() == header else { return [:] }
            let blocks = try reader.array { reader in
                SplitSearchIndexBuilder.DocBlock(
                    key: try reader.uint64(), hash: try reader.string(),
                    sizes: try reader.integers(Int64.self).map(Int.init))
            }
            guard reader.isAtEnd else { return [:] }
            return Dictionary(blocks.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            return [:]
        }
    }

    /// Writes the document blocks to the pending blocks file; false (and no file) when that
    /// failed.
    @discardableResult
    func writeBlocks(_ blocks: [SplitSearchIndexBuilder.DocBlock]) -> Bool {
        writeFile(pendingBlocks) { writer in
            writer.array(blocks) { writer, block in
                writer.uint64(block.key)
                writer.string(block.hash)
                writer.integers(block.sizes.map(Int64.init))
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
        let scan = SearchChunkScan(
            key: try reader.uint64(), docCount: try reader.int(),
            termBytes: try reader.column(UInt8.self), termStarts: try reader.column(Int32.self),
            terms: try reader.column(Int32.self), docs: try reader.column(Int32.self),
            flags: try reader.column(UInt8.self))
        guard scan.isConsistent else { throw BinaryReader.Malformed() }
        return scan
    }
}
