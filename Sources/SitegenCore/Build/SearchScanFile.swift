import Foundation

/// Where a disk build keeps the split search index's chunk scans (`.sitegen-cache/search.cache`):
/// read and written by the search index's own thread, so neither the load nor the scans' memory
/// falls on the rest of the build. A build writes `search.cache.tmp`, which `commit()` moves
/// into place once the build has succeeded.
struct SearchScanFile: Sendable {
    /// The committed file.
    let url: URL
    /// The build cache's header: format, version, config and options.
    let header: String

    /// The file a build writes before it succeeds.
    var pending: URL { url.appendingPathExtension("tmp") }

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
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(pending.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        var writer = BinaryWriter(streamingTo: descriptor)
        writer.string(header)
        writer.array(scans.sorted { $0.key < $1.key }) { Self.write($1, to: &$0) }
        writer.flush()
        guard close(descriptor) == 0, !writer.failed else {
            try? FileManager.default.removeItem(at: pending)
            return false
        }
        return true
    }

    /// Puts the pending file in place of the committed one, if a build wrote one.
    func commit() {
        guard FileManager.default.fileExists(atPath: pending.path) else { return }
        if rename(pending.path, url.path) != 0 { try? FileManager.default.removeItem(at: pending) }
    }

    private static func write(_ scan: SearchChunkScan, to writer: inout BinaryWriter) {
        writer.uint64(scan.key)
        writer.int(scan.docCount)
        writer.integers(scan.termBytes)
        writer.integers(scan.termStarts)
        writer.integers(scan.terms)
        writer.integers(scan.docs)
        writer.integers(scan.flags)
    }

    private static func read(_ reader: inout BinaryReader) throws -> SearchChunkScan {
        let scan = SearchChunkScan(
            key: try reader.uint64(), docCount: try reader.int(),
            termBytes: try reader.integers(UInt8.self), termStarts: try reader.integers(Int32.self),
            terms: try reader.integers(Int32.self), docs: try reader.integers(Int32.self),
            flags: try reader.integers(UInt8.self))
        guard scan.isConsistent else { throw BinaryReader.Malformed() }
        return scan
    }
}
