import Foundation

/// Every chunk's postings merged by term, as a build that merged them all left them, with the
/// chunks they came from: the base that later rebuilds patch (taking out the postings of the
/// chunks edited since, and putting in their new ones) rather than merging all 336 chunks of a
/// 10,000-page site again. The base is kept, not rewritten, until so many chunks have changed
/// that a whole merge costs no more, or the chunks move; it then makes a new one.
///
/// Terms are ids of `termBytes`/`termStarts` in the order they were first met; a term's
/// postings are `docs`/`flags` at `offsets[term]..<offsets[term + 1]`, documents ascending. A
/// patch may leave a term with no postings, which the index leaves out.
struct MergedPostings: Sendable {
    /// Each chunk's key, and where each chunk starts plus the end of the last.
    var chunkKeys: [UInt64]
    var chunkStarts: [Int]
    var termBytes: ScanColumn<UInt8>
    var termStarts: ScanColumn<Int32>
    var offsets: ScanColumn<Int64>
    var docs: ScanColumn<Int32>
    var flags: ScanColumn<UInt8>
    /// The pages' titles these were made with (`titlesKey`), and each term's pages whose title
    /// has it: `titlePages`/`titleFirst` (1 when it is the title's first word) at
    /// `titleStarts[term]..<titleStarts[term + 1]`. A patch takes them while no title changed.
    var titlesKey: UInt64 = 0
    var titleStarts = ScanColumn<Int32>([0])
    var titlePages = ScanColumn<Int32>([])
    var titleFirst = ScanColumn<UInt8>([])
    /// Every term, sorted by its bytes, so a patch sorts only the terms it adds.
    var sortedTerms = ScanColumn<Int32>([])
    /// Each term's entry key (`TermEntryEncoder.key`) by id, as the build that merged these
    /// keyed them under `keysBase` (its `baseKey`); empty when it keyed none. A patched term
    /// that keeps its lists and titles takes its key from here instead of hashing its lists.
    var termKeys = ScanColumn<UInt64>([])
    var keysBase: UInt64 = 0

    /// A digest of the keys and their base key, stored with them.
    var keysDigest: UInt64 {
        var hasher = ContextHasher()
        hasher.combine(Int(bitPattern: UInt(keysBase)))
        termKeys.withUnsafeBufferPointer { hasher.combine(raw: UnsafeRawBufferPointer($0)) }
        return hasher.value
    }

    /// The merge of chunks `keys` at `ranges` into `table`, with its lists, and the titles'
    /// occurrences of its terms (`titles`, the first `table.count` or fewer).
    init(
        keys: [UInt64], ranges: [Range<Int>], table: ByteInterner, offsets: [Int], docs: [Int32],
        flags: [UInt8], titlesKey: UInt64 = 0, titles: [TermOccurrences] = [],
        sortedTerms: [Int] = []
    ) {
        chunkKeys = keys
        chunkStarts = (ranges.map(\.lowerBound) + [ranges.last?.upperBound ?? 0])
        let exported = table.exported
        termBytes = ScanColumn(exported.bytes)
        termStarts = ScanColumn(exported.starts)
        // Terms only titles have (interned after the merge) have no documents.
        let ends =
            offsets
            + Array(repeating: offsets.last ?? 0, count: max(0, table.count + 1 - offsets.count))
        self.offsets = ScanColumn(ends.map { Int64($0) })
        self.docs = ScanColumn(docs)
        self.flags = ScanColumn(flags)
        self.titlesKey = titlesKey
        var (starts, pages, first): ([Int32], [Int32], [UInt8]) = ([0], [], [])
        for term in 0..<table.count {
            if term < titles.count {
                pages += titles[term].pages
                first += titles[term].first.map { $0 ? 1 : 0 }
            }
            starts.append(Int32(pages.count))
        }
        titleStarts = ScanColumn(starts)
        titlePages = ScanColumn(pages)
        titleFirst = ScanColumn(first)
        self.sortedTerms = ScanColumn(sortedTerms.map { Int32($0) })
    }

    /// Postings as they were read back from the build cache.
    init(
        chunkKeys: [UInt64], chunkStarts: [Int], termBytes: ScanColumn<UInt8>,
        termStarts: ScanColumn<Int32>, offsets: ScanColumn<Int64>, docs: ScanColumn<Int32>,
        flags: ScanColumn<UInt8>, titlesKey: UInt64, titleStarts: ScanColumn<Int32>,
        titlePages: ScanColumn<Int32>, titleFirst: ScanColumn<UInt8>,
        sortedTerms: ScanColumn<Int32>, termKeys: ScanColumn<UInt64>, keysBase: UInt64
    ) {
        self.termKeys = termKeys
        self.keysBase = keysBase
        self.chunkKeys = chunkKeys
        self.chunkStarts = chunkStarts
        self.termBytes = termBytes
        self.termStarts = termStarts
        self.offsets = offsets
        self.docs = docs
        self.flags = flags
        self.titlesKey = titlesKey
        self.titleStarts = titleStarts
        self.titlePages = titlePages
        self.titleFirst = titleFirst
        self.sortedTerms = sortedTerms
    }

    /// The key of the titles of the pages with documents: each page's number and title, in
    /// reading order.
    static func titlesKey(_ titles: some Sequence<(Int, String)>) -> UInt64 {
        var hasher = ContextHasher()
        var count = 0
        for (page, title) in titles {
            hasher.combine(page)
            hasher.combine(title)
            count += 1
        }
        hasher.combine(count)
        return hasher.value
    }

    /// The pages whose title has `term`, where they are in the title lists.
    func titleRun(_ term: Int) -> Range<Int> {
        titleStarts.withUnsafeBufferPointer { Int($0[term])..<Int($0[term + 1]) }
    }

    /// Number of terms.
    var termCount: Int { termStarts.count - 1 }

    /// Whether every index points where it may and every flag is one a scan makes (postings
    /// read from disk are checked first; a file cut short or with a bad count fails too).
    var isConsistent: Bool {
        let end = chunkStarts.last ?? 0
        return termStarts.areStarts(ofBytes: termBytes.count)
            && offsets.count == termStarts.count && offsets.areStarts(ofBytes: docs.count)
            && docs.count == flags.count
            && chunkStarts.count == chunkKeys.count + 1
            && zip(chunkStarts, chunkStarts.dropFirst()).allSatisfy { $0 <= $1 }
            && (docs.count == 0 || (end > 0 && docs.allWithin(0...Int32(clamping: end - 1))))
            && flags.allWithin(1...7)
            && titleStarts.count == termStarts.count
            && titleStarts.areStarts(ofBytes: titlePages.count)
            && titlePages.count == titleFirst.count && titlePages.allWithin(0...Int32.max)
            && titleFirst.allWithin(0...1)
            && (sortedTerms.count == 0 || sortedTerms.count == termCount)
            && (sortedTerms.count == 0 || sortedTerms.allWithin(0...Int32(clamping: termCount - 1)))
            && (termKeys.count == 0 || termKeys.count == termCount)
    }

    /// What a patch gives: the table of terms (the base's, then new ones), each term's
    /// postings, and the base's scans of the edited chunks, which a later patch of the same
    /// base needs again.
    struct Patch {
        var table: ByteInterner
        var occurrences: [TermOccurrences]
        var retained: [SearchChunkScan]
    }

    /// The postings of `scans` (chunks at `ranges`) worked out from these, when the chunks are
    /// the same but for a few whose scans as of this base `previous` still has; nil when the
    /// chunks moved, or so many changed that a whole merge costs no more.
    func patched(
        to scans: [SearchChunkScan], ranges: [Range<Int>], previous: [UInt64: SearchChunkScan],
        jobs: Int?
    ) -> Patch? {
        guard scans.count == chunkKeys.count,
            chunkStarts == ranges.map(\.lowerBound) + [ranges.last?.upperBound ?? 0]
        else { return nil }
        let changed = scans.indices.filter { scans[$0].key != chunkKeys[$0] }
        guard changed.count <= max(4, scans.count / 8) else { return nil }
        var old: [SearchChunkScan] = []
        for index in changed {
            guard let scan = previous[chunkKeys[index]], scan.docCount == ranges[index].count,
                scan.isConsistent
            else { return nil }
            old.append(scan)
        }
        var table = ByteInterner(slots: Self.slots(for: termCount))
        termBytes.withUnsafeBufferPointer { bytes in
            termStarts.withUnsafeBufferPointer { starts in
                for term in 0..<termCount {
                    let key = UnsafeBufferPointer(
                        rebasing: bytes[Int(starts[term])..<Int(starts[term + 1])])
                    _ = table.id(of: key)
                }
            }
        }
        guard table.count == termCount else { return nil }
        // Each edited chunk's terms by table id, as of the base and now.
        var oldIDs: [[Int32]] = []
        for scan in old {
            let ids = scan.mapTerms { table.existingID(of: $0) }
            guard ids.allSatisfy({ $0 != nil }) else { return nil }
            oldIDs.append(ids.map { $0 ?? 0 })
        }
        let newIDs = changed.map { index in scans[index].mapTerms { table.id(of: $0) } }
        // Only the terms whose postings there changed get new lists: an edit to a page
        // leaves most of the words it had where they were.
        var signatures = PostingSignatures(termCount: table.count)
        for (scan, (index, ids)) in zip(old, zip(changed, oldIDs)) {
            signatures.add(scan, at: ranges[index].lowerBound, ids: ids, removing: true)
        }
        for (index, ids) in zip(changed, newIDs) {
            signatures.add(scans[index], at: ranges[index].lowerBound, ids: ids, removing: false)
        }
        let (affected, isAffected) = signatures.changed()
        var addedLists: [Int32: TermOccurrences] = [:]
        for (index, ids) in zip(changed, newIDs) {
            Self.collect(
                scans[index], at: ranges[index].lowerBound, ids: ids, where: isAffected,
                into: &addedLists)
        }
        // Chunks are in document order, so the edited ranges are ascending.
        let edited = changed.map { ranges[$0] }
        let occurrences = occurrences(
            count: table.count, affected: affected, added: addedLists, edited: edited, jobs: jobs)
        return Patch(table: table, occurrences: occurrences, retained: old)
    }

    /// Adds the postings of `scan`, a chunk whose first document is `start`, to `lists`, by
    /// the table ids its terms have (`ids`), for the terms marked in `wanted` only.
    private static func collect(
        _ scan: SearchChunkScan, at start: Int, ids: [Int32], where wanted: [Bool],
        into lists: inout [Int32: TermOccurrences]
    ) {
        let base = Int32(start)
        scan.terms.withUnsafeBufferPointer { terms in
            scan.docs.withUnsafeBufferPointer { docs in
                scan.flags.withUnsafeBufferPointer { flags in
                    for position in terms.indices {
                        let id = ids[Int(terms[position])]
                        guard wanted[Int(id)] else { continue }
                        lists[id, default: TermOccurrences()].add(
                            doc: base + docs[position], flag: flags[position])
                    }
                }
            }
        }
    }

    /// Each term's postings: an affected term's outside the `edited` ranges (ascending) with
    /// its `added` ones put in, in document order; the others' as they were, left in these
    /// lists (their `run`). A list is sorted
    /// by document, so each edited range is found by binary search and the postings around it
    /// are copied whole.
    private func occurrences(
        count: Int, affected: Set<Int32>, added: [Int32: TermOccurrences], edited: [Range<Int>],
        jobs: Int?
    ) -> [TermOccurrences] {
        var isAffected = [Bool](repeating: false, count: count)
        for term in affected { isAffected[Int(term)] = true }
        let (offsets, docs, flags, known) = (self.offsets, self.docs, self.flags, termCount)
        return Array(0..<count).parallelMap(jobs: jobs) { [isAffected] term -> TermOccurrences in
            offsets.withUnsafeBufferPointer { offsets in
                docs.withUnsafeBufferPointer { docs in
                    flags.withUnsafeBufferPointer { flags in
                        let list =
                            term < known ? Int(offsets[term])..<Int(offsets[term + 1]) : 0..<0
                        var result = TermOccurrences()
                        func copy(_ range: Range<Int>) {
                            guard !range.isEmpty else { return }
                            result.docs.append(
                                contentsOf: UnsafeBufferPointer(rebasing: docs[range]))
                            result.flags.append(
                                contentsOf: UnsafeBufferPointer(rebasing: flags[range]))
                        }
                        guard isAffected[term] else {
                            result.run = list
                            return result
                        }
                        let new = added[Int32(term)] ?? TermOccurrences()
                        result.docs.reserveCapacity(list.count + new.docs.count)
                        result.flags.reserveCapacity(list.count + new.docs.count)
                        // The first position in `range` whose document is at least `doc`.
                        func firstAtLeast(_ doc: Int, in range: Range<Int>) -> Int {
                            var (low, high) = (range.lowerBound, range.upperBound)
                            while low < high {
                                let middle = (low + high) / 2
                                if Int(docs[middle]) < doc {
                                    low = middle + 1
                                } else {
                                    high = middle
                                }
                            }
                            return low
                        }
                        var (cursor, next) = (list.lowerBound, 0)
                        for range in edited {
                            let cut = firstAtLeast(range.lowerBound, in: cursor..<list.upperBound)
                            copy(cursor..<cut)
                            while next < new.docs.count && Int(new.docs[next]) < range.upperBound {
                                result.docs.append(new.docs[next])
                                result.flags.append(new.flags[next])
                                next += 1
                            }
                            cursor = firstAtLeast(range.upperBound, in: cut..<list.upperBound)
                        }
                        copy(cursor..<list.upperBound)
                        return result
                    }
                }
            }
        }
    }

    /// Hash slots for `count` keys: a power of two at least twice as many.
    private static func slots(for count: Int) -> Int {
        var slots = 1024
        while slots < count * 2 + 2 { slots *= 2 }
        return slots
    }
}
