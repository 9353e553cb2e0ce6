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
    /// key are not tokenised again; every chunk's scan goes to `scanned` for the next build.
    static func build(
        entries: [SearchEntry], sectionCounts: [Int], jobs: Int?,
        previous: [UInt64: SearchChunkScan] = [:], scanned: ([SearchChunkScan]) -> Void = { _ in }
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
        let scans = ranges.parallelMap(jobs: jobs) { range -> SearchChunkScan in
            let key = SearchChunkScan.key(entries, range)
            if let known = previous[key], known.docCount == range.count { return known }
            return scan(entries, range, key: key)
        }

        scanned(scans)
        var table = ByteInterner()
        let maps = scans.map { scan in
            (0..<scan.termCount).map { id in scan.withTerm(id) { Int(table.id(of: $0)) } }
        }
        var offsets = [Int](repeating: 0, count: table.count + 1)
        for (scan, map) in zip(scans, maps) {
            for local in scan.terms { offsets[map[Int(local)] + 1] += 1 }
        }
        for term in 0..<table.count { offsets[term + 1] += offsets[term] }
        var allDocs = [Int32](repeating: 0, count: offsets[table.count])
        var allFlags = [UInt8](repeating: 0, count: offsets[table.count])
        var next = offsets
        for ((scan, map), range) in zip(zip(scans, maps), ranges) {
            let base = Int32(range.lowerBound)
            var position = 0
            while position < scan.terms.count {
                let term = map[Int(scan.terms[position])]
                allDocs[next[term]] = base + scan.docs[position]
                allFlags[next[term]] = scan.flags[position]
                next[term] += 1
                position += 1
            }
        }
        var found = (0..<table.count).map { term in
            var occurrences = TermOccurrences()
            occurrences.docs = Array(allDocs[offsets[term]..<offsets[term + 1]])
            occurrences.flags = Array(allFlags[offsets[term]..<offsets[term + 1]])
            return occurrences
        }
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
        let terms = (0..<table.count).map { table.term($0) }
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        return SearchTermIndex(
            terms: order.map { terms[$0] }, occurrences: order.map { found[$0] },
            pageStarts: starts, pageOf: pageOf)
    }

    /// Tokenises the headings and text of the documents in `range`.
    private static func scan(_ entries: [SearchEntry], _ range: Range<Int>, key: UInt64)
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
            key: key, docCount: range.count, termBytes: bytes, termStarts: starts,
            terms: scan.terms, docs: scan.docs, flags: scan.flags)
    }
}
