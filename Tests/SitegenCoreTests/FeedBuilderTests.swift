import Foundation
import Testing

@testable import SitegenCore

/// The feed keeps the newest pages as it reads them; what it keeps must be what sorting every
/// dated page would give.
@Suite struct FeedBuilderTests {
    @Test func theNewestPagesAreTheFirstOfAllDatedPagesSorted() throws {
        var random = SeededRandom(state: 7)
        var sources: [String: String] = [:]
        for number in 0..<120 {
            // Few distinct days, so many pages share a date and fall back to their paths.
            let day = 1 + Int.random(in: 0..<6, using: &random)
            let field = Int.random(in: 0..<3, using: &random)
            let dates = [
                "date: 2024-03-\(String(format: "%02d", day))\n",
                "date: 2023-01-01\nupdated: 2024-03-\(String(format: "%02d", day))\n", "",
            ][field]
            sources["p\(number).md"] = "---\ntitle: P\(number)\n\(dates)---\nBody.\n"
        }
        let tree = PageFactory.tree(sources)
        let sorted = tree.pages.indices.compactMap { index -> (Int, Date)? in
            let matter = tree.pages[index].page.frontMatter
            return (matter.updated ?? matter.date).map { (index, $0) }
        }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : tree.pages[$0.0].sitePath < tree.pages[$1.0].sitePath
        }
        for limit in [0, 1, 20, 79, 200] {
            let newest = FeedBuilder.newest(tree.pages, limit: limit)
            #expect(newest.map(\.0) == sorted.prefix(limit).map(\.0))
            #expect(newest.map(\.1) == sorted.prefix(limit).map(\.1))
        }
        #expect(sorted.count > 20 && sorted.count < 120)
    }
}
