import Testing

@testable import SitegenMarkdown

/// `MarkdownRenderer` promises to be safe from many threads at once; cmark-gfm keeps a
/// process-wide table of special characters that parsing edits.
@Suite struct MarkdownConcurrencyTests {
    static func document(_ index: Int) -> String {
        """
        # Page \(index)

        Intro with ~~old \(index)~~ text, www.example.com/\(index) and "quotes" -- \(index % 7).

        ## Part \(index % 5)

        | n | link |
        |---|------|
        | \(index) | [doc](doc\(index).md) |

        - [x] done \(index)
        - item with `code` and ![pic](p\(index).png)

        ## Part \(index % 5)

        Footnote[^\(index % 3 + 1)] and https://host\(index).example/path.

        [^\(index % 3 + 1)]: Note \(index).
        """
    }

    @Test func concurrentRendersMatchSerialRenders() async {
        let documents = (0..<300).map(Self.document)
        let renderers = [
            MarkdownRenderer(),
            MarkdownRenderer(
                options: MarkdownOptions(smartPunctuation: true, extractLeadingTitle: true)),
        ]
        let expected = documents.indices.map { renderers[$0 % 2].render(documents[$0]) }
        #expect(expected[0].html.contains("<del>old 0</del>"))
        #expect(
            expected[0].html.contains("<a href=\"http://www.example.com/0\">www.example.com/0</a>"))
        #expect(expected[1].leadingTitle == "Page 1")
        #expect(
            CmarkDocument.parsesConcurrently,
            "cmark-gfm's special-character table should be pinned after the first parse")
        for _ in 0..<10 {
            let results = await withTaskGroup(of: (Int, RenderedMarkdown).self) { group in
                for index in documents.indices {
                    group.addTask { (index, renderers[index % 2].render(documents[index])) }
                }
                var results = [RenderedMarkdown?](repeating: nil, count: documents.count)
                for await (index, result) in group { results[index] = result }
                return results
            }
            let mismatches = documents.indices.filter { results[$0] != expected[$0] }
            #expect(mismatches.isEmpty, "documents rendered differently in parallel: \(mismatches)")
        }
    }
}
