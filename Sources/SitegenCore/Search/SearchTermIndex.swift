import Foundation

/// The inverted index of a site's search entries: every term, sorted by its UTF-8 bytes, with
/// the documents and pages it occurs in. Documents are `search.json` entries by position.
struct SearchTermIndex: Sendable {
    /// Terms, sorted.
    let terms: [SearchTerm]
    /// Occurrences of each term.
    let occurrences: [TermOccurrences]
    /// First document of each page, then the number of documents.
    let pageStarts: [Int]
    /// The page of each document.
    let pageOf: [Int32]

    /// Number of documents.
    var docCount: Int { pageOf.count }
    /// Whether the chunks' postings were patched from the last build's (`MergedPostings`)
    /// rather than merged anew.
    var wasPatched = false
    /// The merge the occurrences with a `run` read their lists from: this build's, or the
    /// base a patched index was made from.
    var base: MergedPostings?
    /// The id each term has in `base` (and the table it was merged into), by position.
    var termIDs: [Int32] = []
    /// Whether every term's title list is the patched base's.
    var titlesFromBase = false

    /// The entry key the base stored for the term at `position`, when the term kept the base's
    /// lists and titles and entries are keyed under the same `baseKey` as the base's were.
    func storedKey(at position: Int, baseKey: UInt64) -> UInt64? {
        guard wasPatched, titlesFromBase, let base, base.keysBase == baseKey,
            base.termKeys.count == base.termCount, occurrences[position].run != nil,
            position < termIDs.count
        else { return nil }
        let id = Int(termIDs[position])
        guard id < base.termKeys.count else { return nil }
        return base.termKeys.withUnsafeBufferPointer { $0[id] }
    }

    /// Calls `body` with the documents and flags of the term at `position`, read in place.
    func withPostings<Result>(
        _ position: Int,
        _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let found = occurrences[position]
        guard let run = found.run, let base else {
            return found.docs.withUnsafeBufferPointer { docs in
                found.flags.withUnsafeBufferPointer { flags in body(docs, flags) }
            }
        }
        return base.docs.withUnsafeBufferPointer { docs in
            base.flags.withUnsafeBufferPointer { flags in
                body(
                    UnsafeBufferPointer(rebasing: docs[run]),
                    UnsafeBufferPointer(rebasing: flags[run]))
            }
        }
    }

    /// Calls `body` with the pages whose title has the term at `position` and whether it is
    /// each one's first word, read in place.
    func withTitles<Result>(
        _ position: Int, _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Bool>) -> Result
    ) -> Result {
        let found = occurrences[position]
        guard let run = found.titleRun, let base else {
            return found.pages.withUnsafeBufferPointer { pages in
                found.first.withUnsafeBufferPointer { first in body(pages, first) }
            }
        }
        return base.titlePages.withUnsafeBufferPointer { pages in
            // Marks are checked to be 0 or 1 when the base is read, as a Bool is stored.
            base.titleFirst.withUnsafeBufferPointer { first in
                UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(first)[run])
                    .withMemoryRebound(to: Bool.self) { marks in
                        body(UnsafeBufferPointer(rebasing: pages[run]), marks)
                    }
            }
        }
    }

    /// The pages whose title has the term at `position`.
    func pages(_ position: Int) -> [Int32] { withTitles(position) { pages, _ in Array(pages) } }

    /// Whether the term at `position` is the first word of each of its pages' titles.
    func firsts(_ position: Int) -> [Bool] { withTitles(position) { _, first in Array(first) } }

    /// The documents of the term at `position`.
    func docs(_ position: Int) -> [Int32] { withPostings(position) { docs, _ in Array(docs) } }

    /// The flags of the term at `position`, one per document.
    func flags(_ position: Int) -> [UInt8] { withPostings(position) { _, flags in Array(flags) } }

    /// What one worker found in a range of documents: postings `(term, doc, flags)` in document
    /// order, at most one per term and document, with terms as ids of its own table.
    private struct Scan: SearchTermSink, Sendable {
        var table = ByteInterner()
        var terms: [Int32] = []
        var docs: [Int32] = []
        var flags: [UInt8] = []
        /// The document being read, and the flag its terms get.
        var doc: Int32 = 0
        var flag: UInt8 = 0
        /// Per local term: the last document it was seen in, and that posting's position.
        var lastDoc: [Int32] = []
        var lastPosting: [Int] = []

        mutating func take(_ term: UnsafeBufferPointer<UInt8>) {
            let local = Int(table.id(of: term))
            if local == lastDoc.count {
                lastDoc.append(-1)
                lastPosting.append(0)
            }
            if lastDoc[local] == doc {
                flags[lastPosting[local]] |= flag
            } else {
                lastDoc[local] = doc
                lastPosting[local] = docs.count
                terms.append(Int32(local))
                docs.append(doc)
                flags.append(flag)
            }
        }
    }

    /// Tokenises `entries` on all cores; `sectionCounts` gives each page's number of entries, in
    /// order (a page's entries are adjacent, its top section first). When the counts do not add
    /// up, every entry is taken as a page of its own. Chunks found in `previous` with the same
    /// key are not tokenised again; every chunk's scan goes to `scanned` for the next build,
    /// with the scans a patch still needs (`kept`). With `postings` (the base: the postings of
    /// the last build that merged every chunk), a few chunks edited since are patched into it;
    /// a build that merges every chunk gives its postings to `merged`, as the next base.
    static func build(
        entries: [SearchEntry], sectionCounts: [Int], jobs: Int?,
        previous: [UInt64: SearchChunkScan] = [:],
        scanned: (_ scans: [SearchChunkScan], _ kept: [SearchChunkScan]) -> Void = { _, _ in },
        postings: MergedPostings? = nil, merged: ((MergedPostings) -> Void)? = nil
    ) -> SearchTermIndex {
        var counts = sectionCounts
        if counts.reduce(0, +) != entries.count {
            counts = Array(repeating: 1, count: entries.count)
        }
        var starts = [0]
        var pageOf: [Int32] = []
        pageOf.reserveCapacity(entries.count)
        for (page, count) in counts.enumerated() {
            starts.append(starts[starts.count - 1] + count)
            pageOf.append(contentsOf: repeatElement(Int32(page), count: count))
        }
        let ranges = SearchChunkScan.chunks(entries)
        var scans = ranges.parallelMap(jobs: jobs) { range -> SearchChunkScan in
            let key = SearchChunkScan.key(entries, range)
            if let known = previous[key], known.docCount == range.count { return known }
            return scan(entries, range, key: key)
        }
        let patch = postings?.patched(to: scans, ranges: ranges, previous: previous, jobs: jobs)
        if patch == nil && !previous.isEmpty {
            // Every chunk is merged: a kept scan's lists are checked first (a pack read from
            // disk is checked only where it is read), and a damaged one is tokenised again.
            scans = Array(zip(scans, ranges)).parallelMap(jobs: jobs) { known, range in
                previous[known.key] == nil || known.isConsistent
                    ? known : scan(entries, range, key: known.key)
            }
        }
        scanned(scans, patch?.retained ?? [])
        var table: ByteInterner
        var found: [TermOccurrences]
        var joined: (table: ByteInterner, offsets: [Int], docs: [Int32], flags: [UInt8])?
        let titlesKey = MergedPostings.titlesKey(
            counts.indices.lazy.filter { counts[$0] > 0 }.map { ($0, entries[starts[$0]].title) })
        if let patch {
            (table, found) = (patch.table, patch.occurrences)
        } else {
            let merge = merge(scans, ranges: ranges, jobs: jobs)
            joined = merge
            table = merge.table
            // Each term's lists are read where the merge left them, not cut out: tens of
            // thousands of small arrays.
            found = (0..<table.count).map { term in
                var occurrences = TermOccurrences()
                occurrences.run = merge.offsets[term]..<merge.offsets[term + 1]
                return occurrences
            }
        }
        let titlesFromBase = patch != nil && postings?.titlesKey == titlesKey
        if titlesFromBase, let postings {
            // No title changed since the base: its terms' title lists stand, read in place, and
            // every title term is one of its terms.
            for term in 0..<min(found.count, postings.termCount) {
                let run = postings.titleRun(term)
                if !run.isEmpty { found[term].titleRun = run }
            }
        } else {
            addTitles(entries, counts: counts, starts: starts, table: &table, found: &found)
        }
        let sorted =
            patch == nil
            ? byteOrder(table) : postings.flatMap { merge(table, base: $0) } ?? byteOrder(table)
        var base = patch == nil ? nil : postings
        if let lists = joined {
            // The merge, which the index reads its lists from, and the next builds' base.
            let made = MergedPostings(
                keys: scans.map(\.key), ranges: ranges, table: table,
                offsets: lists.offsets, docs: lists.docs, flags: lists.flags,
                titlesKey: titlesKey, titles: found, sortedTerms: sorted)
            merged?(made)
            base = made
        }
        // A patch may leave a term that no document or title has any more.
        let order =
            patch == nil
            ? sorted : sorted.filter { found[$0].docCount > 0 || found[$0].pageCount > 0 }
        let finalTable = table
        var index = SearchTermIndex(
            terms: order.parallelMap(jobs: jobs) { finalTable.term($0) },
            occurrences: order.map { term in
                // Moved out, not copied: a copy retains two arrays that the old slot then releases.
                var taken = TermOccurrences()
                swap(&taken, &found[term])
                return taken
            }, pageStarts: starts, pageOf: pageOf)
        index.wasPatched = patch != nil
        index.base = base
        index.termIDs = order.map { Int32($0) }
        index.titlesFromBase = titlesFromBase
        return index
    }

    /// Adds each page's title words to `found`, as terms of `table`.
    private static func addTitles(
        _ entries: [SearchEntry], counts: [Int], starts: [Int], table: inout ByteInterner,
        found: inout [TermOccurrences]
    ) {
        for (page, count) in counts.enumerated() where count > 0 {
            var position = 0
            for text in SearchTokenizer.terms(in: entries[starts[page]].title) {
                var text = text
                let term = Int(text.withUTF8 { table.id(of: $0) })
                if term == found.count { found.append(TermOccurrences()) }
                found[term].add(page: Int32(page), isFirst: position == 0)
                position += 1
            }
        }
    }

    /// The table's ids sorted by their bytes (UTF-8 order, as `SearchTerm` sorts), comparing
    /// the table's own bytes in place: no string is made or retained per comparison.
    private static func byteOrder(_ table: ByteInterner) -> [Int] {
        var order = Array(0..<table.count)
        withByteOrder(table) { precedes in order.sort(by: precedes) }
        return order
    }

    /// The table's ids sorted by their bytes, when the table is the patched `base`'s terms
    /// (ids below its count) and a few new ones: the base's sorted terms and the new ones,
    /// sorted, merged. Nil when the base has no order, or one that is not sorted.
    private static func merge(_ table: ByteInterner, base: MergedPostings) -> [Int]? {
        let known = base.termCount
        guard base.sortedTerms.count == known, known <= table.count else { return nil }
        return withByteOrder(table) { precedes -> [Int]? in
            let added = (known..<table.count).sorted(by: precedes)
            var order: [Int] = []
            order.reserveCapacity(table.count)
            var next = 0
            var previous: Int?
            let sorted = base.sortedTerms.withUnsafeBufferPointer { sorted -> Bool in
                for position in sorted.indices {
                    let term = Int(sorted[position])
                    // Strictly ascending, so each of the base's terms once.
                    if let previous, !precedes(previous, term) { return false }
                    previous = term
                    while next < added.count, precedes(added[next], term) {
                        order.append(added[next])
                        next += 1
                    }
                    order.append(term)
                }
                return true
            }
            guard sorted else { return nil }
            order += added[next...]
            return order
        }
    }

    /// Calls `body` with the order of the table's ids by their bytes.
    private static func withByteOrder<Result>(
        _ table: ByteInterner, _ body: ((Int, Int) -> Bool) -> Result
    ) -> Result {
        let (arena, starts) = table.exported
        return arena.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                body { left, right in
                    let leftStart = Int(starts[left])
                    let rightStart = Int(starts[right])
                    let leftCount = Int(starts[left + 1]) - leftStart
                    let rightCount = Int(starts[right + 1]) - rightStart
                    let common = min(leftCount, rightCount)
                    if common > 0, let base = bytes.baseAddress {
                        let compared = memcmp(base + leftStart, base + rightStart, common)
                        if compared != 0 { return compared < 0 }
                    }
                    return leftCount < rightCount
                }
            }
        }
    }

    /// Every chunk's postings by term of one table, each term's in document order. Chunks are
    /// split into one run per worker: each run interns its terms and counts its postings on a
    /// core of its own, the runs' tables are joined, and each run places its postings in slots
    /// of its own (a term's run-1 postings before its run-2 ones, as documents go).
    private static func merge(_ scans: [SearchChunkScan], ranges: [Range<Int>], jobs: Int?)
        -> (table: ByteInterner, offsets: [Int], docs: [Int32], flags: [UInt8])
    {
        let workers = max(
            1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, scans.count))
        let size = max(1, (scans.count + workers - 1) / workers)
        let runs = stride(from: 0, to: scans.count, by: size).map {
            $0..<min($0 + size, scans.count)
        }
        // Each run's table, and each of its chunks' local term → run term.
        let local = runs.parallelMap(jobs: jobs) { run -> (ByteInterner, [[Int32]]) in
            var table = ByteInterner()
            let maps = run.map { index in scans[index].mapTerms { table.id(of: $0) } }
            return (table, maps)
        }
        var table = ByteInterner()
        let joined = local.map { run in
            (0..<run.0.count).map { id in
                run.0.bytes(id).withUnsafeBufferPointer { table.id(of: $0) }
            }
        }
        let termCount = table.count
        // Per run: each chunk's local term → table term, and the run's postings per term.
        let counted = Array(runs.indices).parallelMap(jobs: jobs) { number -> ([[Int32]], [Int]) in
            var counts = [Int](repeating: 0, count: termCount)
            let maps = zip(runs[number], local[number].1).map { index, map in
                let global = map.map { joined[number][Int($0)] }
                // Counted through buffers: an array's uniqueness and bounds were checked for
                // each of millions of postings.
                counts.withUnsafeMutableBufferPointer { counts in
                    global.withUnsafeBufferPointer { global in
                        scans[index].terms.withUnsafeBufferPointer { terms in
                            for term in terms { counts[Int(global[Int(term)])] += 1 }
                        }
                    }
                }
                return global
            }
            return (maps, counts)
        }
        var offsets = [Int](repeating: 0, count: termCount + 1)
        var slots = runs.map { _ in [Int](repeating: 0, count: termCount) }
        var total = 0
        for term in 0..<termCount {
            offsets[term] = total
            for number in runs.indices {
                slots[number][term] = total
                total += counted[number].1[term]
            }
        }
        offsets[termCount] = total
        let firstSlots = slots
        // Every slot is written exactly once below: the lists are not zeroed first (that was
        // tens of megabytes of stores per build).
        var docs = [Int32](unsafeUninitializedCapacity: total) { _, count in count = total }
        var flags = [UInt8](unsafeUninitializedCapacity: total) { _, count in count = total }
        docs.withUnsafeMutableBufferPointer { docBuffer in
            flags.withUnsafeMutableBufferPointer { flagBuffer in
                nonisolated(unsafe) let docSlots = docBuffer
                nonisolated(unsafe) let flagSlots = flagBuffer
                _ = Array(runs.indices).parallelMap(jobs: jobs) { number -> Bool in
                    var next = firstSlots[number]
                    next.withUnsafeMutableBufferPointer { next in
                        for (index, map) in zip(runs[number], counted[number].0) {
                            let scan = scans[index]
                            let base = Int32(ranges[index].lowerBound)
                            map.withUnsafeBufferPointer { map in
                                scan.terms.withUnsafeBufferPointer { terms in
                                    scan.docs.withUnsafeBufferPointer { docs in
                                        scan.flags.withUnsafeBufferPointer { flags in
                                            for position in terms.indices {
                                                let term = Int(map[Int(terms[position])])
                                                let slot = next[term]
                                                docSlots[slot] = base + docs[position]
                                                flagSlots[slot] = flags[position]
                                                next[term] = slot + 1
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    return true
                }
            }
        }
        return (table, offsets, docs, flags)
    }

    /// Tokenises the headings and text of the documents in `range`.
    static func scan(_ entries: [SearchEntry], _ range: Range<Int>, key: UInt64)
        -> SearchChunkScan
    {
        var scan = Scan()
        for doc in range {
            let entry = entries[doc]
            let top = entry.heading.isEmpty ? TermOccurrences.pageTop : 0
            scan.doc = Int32(doc - range.lowerBound)
            scan.flag = TermOccurrences.heading | top
            SearchTokenizer.forEachTerm(in: entry.heading, into: &scan)
            scan.flag = TermOccurrences.text | top
            entry.body.withUTF8 { SearchTokenizer.forEachTerm(utf8: $0, into: &scan) }
        }
        let (bytes, starts) = scan.table.exported
        return SearchChunkScan(
            key: key, docCount: range.count, termBytes: ScanColumn(bytes),
            termStarts: ScanColumn(starts), terms: ScanColumn(scan.terms),
            docs: ScanColumn(scan.docs), flags: ScanColumn(scan.flags))
    }
}
