import Testing

@testable import SitegenCore

/// `SearchTermIndex`: merging the chunks' postings on several cores gives the index a single
/// core gives, term for term and document for document.
@Suite struct SearchTermIndexTests {
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
            #expect(parallel.occurrences.map(\.docs) == serial.occurrences.map(\.docs))
            #expect(parallel.occurrences.map(\.flags) == serial.occurrences.map(\.flags))
            #expect(parallel.occurrences.map(\.pages) == serial.occurrences.map(\.pages))
            #expect(parallel.occurrences.map(\.first) == serial.occurrences.map(\.first))
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
