import Testing

@testable import SitegenCore

/// `SearchTermIndex`: merging the chunks' postings on several cores gives the index a single
/// core gives, term for term and document for document; patching a base merge with edited
/// chunks gives the index a whole merge gives.
@Suite struct SearchTermIndexTests {
    static let words = [
        "cache", "cached", "query", "index", "redis", "celery", "django", "shard", "naïve", "nai",
        "数据", "zebra",
    ]

    /// 3,000 documents, three a page; `edits` replaces the text of some documents, `titles`
    /// the title of some pages.
    static func entries(_ edits: [Int: String] = [:], titles: [Int: String] = [:])
        -> [SearchEntry]
    {
        (0..<3000).map { number in
            SearchEntry(
                url: "/docs/page-\(number / 3)/" + (number % 3 == 0 ? "" : "#s\(number % 3)"),
                title: titles[number / 3]
                    ?? "Page \(number / 3) \(words[(number / 3) % words.count])",
                heading: number % 3 == 0 ? "" : "Part \(words[(number / 7) % words.count])",
                text: edits[number]
                    ?? (0..<12).map { words[(number * 7 + $0 * 3) % words.count] + "\($0 % 4)" }
                    .joined(separator: " "),
                topics: [])
        }
    }

    static func expectEqual(_ left: SearchTermIndex, _ right: SearchTermIndex) {
        #expect(left.terms.map(\.text) == right.terms.map(\.text))
        #expect(left.terms.indices.map(left.docs) == right.terms.indices.map(right.docs))
        #expect(left.terms.indices.map(left.flags) == right.terms.indices.map(right.flags))
        #expect(left.terms.indices.map(left.pages) == right.terms.indices.map(right.pages))
        #expect(left.terms.indices.map(left.firsts) == right.terms.indices.map(right.firsts))
    }

    @Test func aPatchTakesTheEntryKeysTheBaseStoredForTermsItLeftAlone() throws {
        let counts = Array(repeating: 3, count: 1000)
        var scans: [UInt64: SearchChunkScan] = [:]
        var base: MergedPostings?
        let builder = SplitSearchIndexBuilder(jobs: 2)
        _ = builder.files(
            entries: Self.entries(), sectionCounts: counts, previous: [:], previousTerms: [:],
            merged: { base = $0 },
            scanned: { made, _ in for scan in made { scans[scan.key] = scan } })
        let postings = try #require(base)
        #expect(postings.termKeys.count == postings.termCount)
        let patched = SearchTermIndex.build(
            entries: Self.entries([17: "zebra11 cache0 wombat"]), sectionCounts: counts, jobs: 2,
            previous: scans, postings: postings)
        #expect(patched.wasPatched)
        let encoder = TermEntryEncoder(index: patched, cap: builder.cap)
        var stored = 0
        for position in patched.terms.indices {
            guard let key = patched.storedKey(at: position, baseKey: encoder.baseKey) else {
                continue
            }
            stored += 1
            #expect(key == encoder.key(term: position, base: encoder.baseKey))
        }
        #expect(stored > patched.terms.count * 9 / 10)
        #expect(stored < patched.terms.count, "the edited words are hashed again")
        // Entries keyed under another base key take none.
        #expect(
            patched.terms.indices.allSatisfy {
                patched.storedKey(at: $0, baseKey: encoder.baseKey &+ 1) == nil
            })
    }

    @Test func patchingTheBaseMergeEqualsMergingEveryChunk() throws {
        let counts = Array(repeating: 3, count: 1000)
        var scans: [UInt64: SearchChunkScan] = [:]
        var base: MergedPostings?
        let first = SearchTermIndex.build(
            entries: Self.entries(), sectionCounts: counts, jobs: 2,
            scanned: { made, _ in for scan in made { scans[scan.key] = scan } },
            merged: { base = $0 })
        #expect(!first.wasPatched)
        let postings = try #require(base)
        // Edits against the same base, one after another: a new word, a word gone from the
        // only document that had it ("zebra11" in 17, "cache0" … in 1,500), a whole text.
        let editSets: [[Int: String]] = [
            [17: "zebra11 cache0 wombat"],
            [17: "zebra11 cache0 wombat", 1500: "quokka"],
            [17: "cache0", 1500: "quokka", 2999: "naïve nai 数据 new1 new2"],
            [:],
        ]
        var kept = scans
        for edits in editSets {
            let entries = Self.entries(edits)
            var made: MergedPostings?
            let patched = SearchTermIndex.build(
                entries: entries, sectionCounts: counts, jobs: 2, previous: kept,
                scanned: { new, retained in
                    for scan in new + retained { kept[scan.key] = scan }
                }, postings: postings, merged: { made = $0 })
            #expect(patched.wasPatched, "\(edits.keys.sorted())")
            #expect(made == nil, "a patch makes no new base")
            #expect(patched.occurrences.contains { $0.titleRun != nil }, "titles read in place")
            // Only terms whose postings the edits changed get lists of their own: at most the
            // old and new words of the edited documents (12 and a few words each).
            let own = patched.occurrences.filter { $0.run == nil && $0.docCount > 0 }.count
            #expect(own <= 16 * edits.count, "\(own) terms copied for \(edits.count) edits")
            Self.expectEqual(
                patched, SearchTermIndex.build(entries: entries, sectionCounts: counts, jobs: 1))
        }
        // The base's terms in byte order, so a patch sorts only new ones; an order that is not
        // sorted is not trusted.
        #expect(postings.sortedTerms.count == postings.termCount)
        var unsorted = postings
        unsorted.sortedTerms = ScanColumn(
            postings.sortedTerms.withUnsafeBufferPointer { Array($0.reversed()) })
        let edited = Self.entries([17: "zebra11 cache0 wombat"])
        Self.expectEqual(
            SearchTermIndex.build(
                entries: edited, sectionCounts: counts, jobs: 2, previous: kept,
                postings: unsorted),
            SearchTermIndex.build(entries: edited, sectionCounts: counts, jobs: 1))
        // A changed title (a word gone, a new one): the titles are read again.
        let retitled = Self.entries([17: "zebra11"], titles: [5: "Wombat page", 900: "Page"])
        let patched = SearchTermIndex.build(
            entries: retitled, sectionCounts: counts, jobs: 2, previous: kept,
            postings: postings)
        #expect(patched.wasPatched)
        #expect(patched.occurrences.allSatisfy { $0.titleRun == nil })
        Self.expectEqual(
            patched, SearchTermIndex.build(entries: retitled, sectionCounts: counts, jobs: 1))
        #expect(first.terms.contains { $0.text == "zebra0" })
        // Edits in most chunks: a whole merge, which is the next base.
        let edits = Dictionary(
            uniqueKeysWithValues: stride(from: 0, to: 3000, by: 40).map {
                ($0, "everywhere \($0)")
            })
        var made: MergedPostings?
        let merged = SearchTermIndex.build(
            entries: Self.entries(edits), sectionCounts: counts, jobs: 2, previous: kept,
            postings: postings, merged: { made = $0 })
        #expect(!merged.wasPatched)
        #expect(made != nil)
        Self.expectEqual(
            merged,
            SearchTermIndex.build(entries: Self.entries(edits), sectionCounts: counts, jobs: 1))
    }

    @Test func mergingOnSeveralCoresEqualsMergingOnOne() {
        let words = [
            "cache", "cached", "query", "index", "redis", "celery", "django", "shard", "naïve",
            "nai", "数据", "zebra",
        ]
        let entries = (0..<3000).map { number in
            SearchEntry(
                url: "/docs/page-\(number / 3)/" + (number % 3 == 0 ? "" : "#s\(number % 3)"),
                title: "Page \(number / 3) \(words[number % words.count])",
                heading: number % 3 == 0 ? "" : "Part \(words[(number / 7) % words.count])",
                text: (0..<12).map { words[(number * 7 + $0 * 3) % words.count] + "\($0 % 4)" }
                    .joined(separator: " "),
                topics: [])
        }
        let counts = Array(repeating: 3, count: 1000)
        #expect(SearchChunkScan.chunks(entries).count > 8)
        let serial = SearchTermIndex.build(entries: entries, sectionCounts: counts, jobs: 1)
        for jobs in [2, 3, 7] {
            let parallel = SearchTermIndex.build(
                entries: entries, sectionCounts: counts, jobs: jobs)
            #expect(parallel.terms.map(\.text) == serial.terms.map(\.text), "jobs \(jobs)")
            #expect(
                parallel.terms.indices.map(parallel.docs) == serial.terms.indices.map(serial.docs))
            #expect(
                parallel.terms.indices.map(parallel.flags) == serial.terms.indices.map(serial.flags)
            )
            #expect(
                parallel.terms.indices.map(parallel.pages) == serial.terms.indices.map(serial.pages)
            )
            #expect(
                parallel.terms.indices.map(parallel.firsts)
                    == serial.terms.indices.map(serial.firsts))
        }
        // Terms come in UTF-8 byte order, each once.
        #expect(zip(serial.terms, serial.terms.dropFirst()).allSatisfy { $0 < $1 })
        #expect(
            serial.terms.contains { $0.text == "数据" }
                && serial.terms.contains { $0.text == "cached0" })
        // Documents of a term come in document order.
        #expect(serial.occurrences.allSatisfy { zip($0.docs, $0.docs.dropFirst()).allSatisfy(<) })
    }
}

/// `PostingSignatures`: the terms found changed between two scans of a chunk are exactly those
/// whose documents or flags differ.
@Suite struct PostingSignaturesTests {
    @Test func onlyTermsWhosePostingsDifferAreChanged() {
        let before = SearchTermIndexTests.entries()
        let after = SearchTermIndexTests.entries([4: "cache zebra query0 newword", 5: "Part"])
        let old = SearchTermIndex.scan(before, 0..<9, key: 1)
        let new = SearchTermIndex.scan(after, 0..<9, key: 2)
        var table = ByteInterner()
        let oldIDs = old.mapTerms { table.id(of: $0) }
        let newIDs = new.mapTerms { table.id(of: $0) }
        func postings(_ scan: SearchChunkScan, _ ids: [Int32]) -> [Int32: [Int]] {
            var lists: [Int32: [Int]] = [:]
            let (terms, docs, flags) = (
                scan.terms.withUnsafeBufferPointer(Array.init),
                scan.docs.withUnsafeBufferPointer(Array.init),
                scan.flags.withUnsafeBufferPointer(Array.init)
            )
            for position in terms.indices {
                lists[ids[Int(terms[position])], default: []].append(
                    Int(docs[position]) * 8 + Int(flags[position]))
            }
            return lists
        }
        let (was, now) = (postings(old, oldIDs), postings(new, newIDs))
        let expected = Set(Set(was.keys).union(now.keys).filter { was[$0] != now[$0] })
        var signatures = PostingSignatures(termCount: table.count)
        signatures.add(old, at: 0, ids: oldIDs, removing: true)
        signatures.add(new, at: 0, ids: newIDs, removing: false)
        let (changed, marks) = signatures.changed()
        #expect(!expected.isEmpty)
        #expect(changed == expected)
        #expect(Set(marks.indices.filter { marks[$0] }.map(Int32.init)) == expected)
        var same = PostingSignatures(termCount: table.count)
        same.add(old, at: 0, ids: oldIDs, removing: true)
        same.add(old, at: 0, ids: oldIDs, removing: false)
        #expect(same.changed().0.isEmpty)
    }
}
