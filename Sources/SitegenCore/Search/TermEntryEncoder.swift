import Foundation

/// Encodes a term's entry of a split-index shard, `[m, p, s]`, and its full posting list.
///
/// - `p`: pages whose title has the term, as document ranges `[gap, length * 2 + first, …]`
///   (`gap` from the end of the previous range, `first` when it is the title's first word).
/// - `s`: documents whose heading or text has it, `[gap, flags, …]` (`flags`: 1 heading, 2
///   text, 4 page top), keeping the best `cap` ranked as the client scores them: heading
///   matches first, then by score (title 100, first title word 30, heading 20, text 1, page top
///   2), then reading order.
/// - `m`: 0 when `s` is complete; else the byte size of the term's full posting list file
///   (`{"b": base64 bitmap}` or `{"d": [gaps]}`, whichever is smaller), or -1 when there is
///   none (prefix aggregates, whose `p` is capped too).
struct TermEntryEncoder: Sendable {
    /// The index the terms come from.
    let index: SearchTermIndex
    /// Most documents (and, for aggregates, pages) an entry keeps.
    let cap: Int

    /// One encoded entry.
    struct Encoded: Sendable {
        /// The entry's JSON.
        var entry: [UInt8]
        /// The full posting list file, when `s` was capped.
        var postings: [UInt8]?
    }

    /// What every entry depends on beside its term's occurrences: the cap and the documents'
    /// pages.
    var baseKey: UInt64 {
        var hasher = ContextHasher()
        hasher.combine(Self.keyVersion)
        hasher.combine(cap)
        hasher.combine(index.docCount)
        index.pageStarts.withUnsafeBytes { hasher.combine(raw: $0) }
        return hasher.value
    }

    /// Changes whenever what `encode` writes for the same occurrences changes.
    static let keyVersion = 1

    /// The key of the term at `position`'s entry: equal keys give equal entries, so an entry a
    /// build kept under this key can stand for encoding it again.
    func key(term position: Int, base: UInt64) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(Int(bitPattern: UInt(base)))
        index.withPostings(position) { docs, flags in
            hasher.combine(raw: UnsafeRawBufferPointer(docs))
            hasher.combine(raw: UnsafeRawBufferPointer(flags))
        }
        index.withTitles(position) { pages, first in
            hasher.combine(raw: UnsafeRawBufferPointer(pages))
            hasher.combine(raw: UnsafeRawBufferPointer(first))
        }
        return hasher.value
    }

    /// The entry of the term at `position`.
    func encode(term position: Int) -> Encoded {
        index.withPostings(position) { docs, flags in
            index.withTitles(position) { pages, first in
                encode(docs: docs, flags: flags, pages: pages, first: first, aggregate: false)
            }
        }
    }

    /// The entry for a prefix: the union of the terms at `positions`, capped, with no posting list.
    func aggregate(_ positions: Range<Int>) -> [UInt8] {
        var docFlags = [UInt8](repeating: 0, count: index.docCount)
        var pageFlags = [UInt8](repeating: 0, count: max(0, index.pageStarts.count - 1))
        // Marked through buffers, occurrences read in place: an inner shard's range holds
        // thousands of terms, and an array's uniqueness was checked for each mark.
        docFlags.withUnsafeMutableBufferPointer { docFlags in
            pageFlags.withUnsafeMutableBufferPointer { pageFlags in
                for position in positions {
                    index.withPostings(position) { docs, flags in
                        index.withTitles(position) { pages, first in
                            Self.mark(
                                docs: docs, flags: flags, pages: pages, first: first,
                                into: docFlags, pages: pageFlags)
                        }
                    }
                }
            }
        }
        var union = TermOccurrences()
        for (doc, flag) in docFlags.enumerated() where flag != 0 {
            union.docs.append(Int32(doc))
            union.flags.append(flag)
        }
        for (page, flag) in pageFlags.enumerated() where flag != 0 {
            union.pages.append(Int32(page))
            union.first.append(flag == 3)
        }
        return union.docs.withUnsafeBufferPointer { docs in
            union.flags.withUnsafeBufferPointer { flags in
                union.pages.withUnsafeBufferPointer { pages in
                    union.first.withUnsafeBufferPointer { first in
                        encode(
                            docs: docs, flags: flags, pages: pages, first: first, aggregate: true
                        )
                        .entry
                    }
                }
            }
        }
    }

    /// Marks the documents (`foundDocs`, with `flags`) and the pages (`foundPages`, with
    /// `first`) of a term in `docs` and `pages` (`3` for a page whose title starts with the
    /// term, else `1`).
    private static func mark(
        docs foundDocs: UnsafeBufferPointer<Int32>, flags: UnsafeBufferPointer<UInt8>,
        pages foundPages: UnsafeBufferPointer<Int32>, first: UnsafeBufferPointer<Bool>,
        into docs: UnsafeMutableBufferPointer<UInt8>, pages: UnsafeMutableBufferPointer<UInt8>
    ) {
        for position in 0..<min(foundDocs.count, flags.count) {
            docs[Int(foundDocs[position])] |= flags[position]
        }
        for position in 0..<min(foundPages.count, first.count) {
            pages[Int(foundPages[position])] |= first[position] ? 3 : 1
        }
    }

    /// The entry of a term in `docs` (with `flags`) and in the titles of `titlePages` (with
    /// `first`).
    private func encode(
        docs: UnsafeBufferPointer<Int32>, flags: UnsafeBufferPointer<UInt8>,
        pages titlePages: UnsafeBufferPointer<Int32>, first: UnsafeBufferPointer<Bool>,
        aggregate: Bool
    ) -> Encoded {
        var pages = Array(zip(titlePages, first))
        let cappedPages = aggregate && pages.count > cap
        if cappedPages {
            let firsts = pages.filter { $0.1 }
            let others = pages.filter { !$0.1 }
            pages = Array((firsts + others).prefix(cap)).sorted { $0.0 < $1.0 }
        }
        let kept = keptDocs(docs: docs, flags: flags, pages: pages)
        var json = JSONBytes()
        json.raw("[")
        var fullList: [UInt8]?
        if kept.count == docs.count && !cappedPages {
            json.number(0)
        } else if aggregate {
            json.number(-1)
        } else {
            let list = postingList(docs)
            json.number(list.count)
            fullList = list
        }
        json.raw(",")
        var ranges: [Int] = []
        var end = 0
        for (page, first) in pages {
            let start = index.pageStarts[Int(page)]
            let stop = index.pageStarts[Int(page) + 1]
            ranges.append(start - end)
            ranges.append((stop - start) * 2 + (first ? 1 : 0))
            end = stop
        }
        json.numbers(ranges)
        json.raw(",")
        var postings: [Int] = []
        var previous = 0
        for position in kept {
            let doc = Int(docs[position])
            postings.append(doc - previous)
            postings.append(Int(flags[position]))
            previous = doc
        }
        json.numbers(postings)
        json.raw("]")
        return Encoded(entry: json.bytes, postings: fullList)
    }

    /// Positions in `docs` of the documents kept, ascending: all of them, or the best `cap`.
    private func keptDocs(
        docs: UnsafeBufferPointer<Int32>, flags allFlags: UnsafeBufferPointer<UInt8>,
        pages: [(Int32, Bool)]
    ) -> [Int] {
        let count = docs.count
        guard count > cap else { return Array(0..<count) }
        var keys = [Int16](repeating: 0, count: count)
        // Scores run from 0 to 1153 (130 + 1020 + 1 + 2).
        var histogram = [Int32](repeating: 0, count: 1154)
        var pageCursor = 0
        var position = 0
        while position < count {
            let page = index.pageOf[Int(docs[position])]
            while pageCursor < pages.count && pages[pageCursor].0 < page { pageCursor += 1 }
            var score = 0
            if pageCursor < pages.count && pages[pageCursor].0 == page {
                score += pages[pageCursor].1 ? 130 : 100
            }
            let flags = allFlags[position]
            if flags & TermOccurrences.heading != 0 { score += 1020 }
            if flags & TermOccurrences.text != 0 { score += 1 }
            if flags & TermOccurrences.pageTop != 0 { score += 2 }
            keys[position] = Int16(score)
            histogram[score] += 1
            position += 1
        }
        var threshold = histogram.count - 1
        var above = 0
        while threshold > 0 && above + Int(histogram[threshold]) < cap {
            above += Int(histogram[threshold])
            threshold -= 1
        }
        var atThreshold = cap - above
        var kept: [Int] = []
        kept.reserveCapacity(cap)
        position = 0
        while position < count {
            let key = Int(keys[position])
            if key > threshold || (key == threshold && atThreshold > 0) {
                if key == threshold { atThreshold -= 1 }
                kept.append(position)
            }
            position += 1
        }
        return kept
    }

    /// The full list of documents as JSON: a base64 bitmap or gaps, whichever is smaller.
    private func postingList(_ docs: UnsafeBufferPointer<Int32>) -> [UInt8] {
        var gaps = JSONBytes()
        gaps.raw("{\"d\":")
        var previous = 0
        var values = [Int](repeating: 0, count: docs.count)
        var position = 0
        while position < docs.count {
            values[position] = Int(docs[position]) - previous
            previous = Int(docs[position])
            position += 1
        }
        gaps.numbers(values)
        gaps.raw("}")
        let byteCount = (index.docCount + 7) / 8
        let bitmapSize = (byteCount + 2) / 3 * 4 + 8
        guard bitmapSize < gaps.bytes.count else { return gaps.bytes }
        var bits = [UInt8](repeating: 0, count: byteCount)
        for doc in docs { bits[Int(doc) >> 3] |= 1 << UInt8(doc & 7) }
        var bitmap = JSONBytes()
        bitmap.raw("{\"b\":")
        bitmap.string(Self.base64(bits))
        bitmap.raw("}")
        return bitmap.bytes
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let a = Int(bytes[index])
            let b = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
            let c = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
            out.append(alphabet[a >> 2])
            out.append(alphabet[(a & 3) << 4 | b >> 4])
            out.append(
                index + 1 < bytes.count ? alphabet[(b & 15) << 2 | c >> 6] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[c & 63] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
