import Foundation

/// What tokenising one chunk of search documents found, in the form the build cache keeps: a
/// rebuild tokenises only the chunks whose headings and texts changed.
///
/// Chunks end where a document's URL hashes to a boundary (and at most every `maxDocuments`),
/// so adding or removing a page moves the chunks around it only.
struct SearchChunkScan: Sendable, Equatable {
    /// A hash of the chunk's headings and texts.
    var key: UInt64
    /// Number of documents in the chunk.
    var docCount: Int
    /// The chunk's own terms: UTF-8 bytes one after another, and where each starts, plus the end.
    var termBytes: ScanColumn<UInt8>
    var termStarts: ScanColumn<Int32>
    /// Postings in document order, at most one per term and document: the chunk's term id,
    /// the document within the chunk, and the flags.
    var terms: ScanColumn<Int32>
    var docs: ScanColumn<Int32>
    var flags: ScanColumn<UInt8>

    /// Most documents in one chunk.
    static let maxDocuments = 512
    /// One document in `boundaryEvery` (by URL hash) starts a new chunk.
    static let boundaryEvery: UInt64 = 64

    /// The chunks of `entries`, as ranges of document positions.
    static func chunks(_ entries: [SearchEntry]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var scratch: [UInt8] = []
        for doc in entries.indices where doc > start {
            // Hashed a word at a time (the URL bytes one by one cost the search index 5 ms at
            // 10,000 pages), then finished so every bit counts.
            let hash = entries[doc].withURLBytes(&scratch) { bytes in
                var hasher = ContextHasher()
                hasher.combine(utf8: bytes)
                return StableHash.mix(hasher.value)
            }
            let boundary = hash % boundaryEvery == 0
            if boundary || doc - start >= maxDocuments {
                ranges.append(start..<doc)
                start = doc
            }
        }
        if start < entries.count { ranges.append(start..<entries.count) }
        return ranges
    }

    /// The key of the documents in `range`: their headings and texts (by digest), in order.
    static func key(_ entries: [SearchEntry], _ range: Range<Int>) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(range.count)
        for doc in range {
            hasher.combine(entries[doc].heading)
            hasher.combine(Int(bitPattern: UInt(entries[doc].body.digest)))
        }
        return hasher.value
    }

    /// Each of the chunk's terms, by id, through `transform`, with its bytes.
    func mapTerms<T>(_ transform: (UnsafeBufferPointer<UInt8>) -> T) -> [T] {
        termBytes.withUnsafeBufferPointer { bytes in
            termStarts.withUnsafeBufferPointer { starts in
                (0..<max(0, starts.count - 1)).map { id in
                    transform(
                        UnsafeBufferPointer(rebasing: bytes[Int(starts[id])..<Int(starts[id + 1])]))
                }
            }
        }
    }

    /// Number of terms.
    var termCount: Int { termStarts.count - 1 }

    /// Whether every index points where it may (a cache read from disk is checked before use).
    var isConsistent: Bool {
        guard docCount >= 0, termStarts.areStarts(ofBytes: termBytes.count),
            terms.count == docs.count, docs.count == flags.count
        else { return false }
        guard terms.count > 0 else { return true }
        guard termCount > 0, docCount > 0 else { return false }
        return terms.allWithin(0...Int32(clamping: termCount - 1))
            && docs.allWithin(0...Int32(clamping: docCount - 1))
    }
}
