import SitegenMarkdown
import Testing

@testable import SitegenCore

@Suite struct MarkdownStageTests {
    private func page(_ number: Int, body: String) -> Page {
        Page(
            sourcePath: "p\(number).md", sitePath: "p\(number)/", sectionPath: nil,
            parentSection: "", body: body, fallbackTitle: "P\(number)")
    }

    @Test func bodiesAreMovedOutOfThePagesAndEachIsTakenOnce() {
        var pages = (0..<3).map { page($0, body: "Body \($0).") }
        let bodies = TakenBodies(from: &pages)
        #expect(pages.map(\.body) == ["", "", ""])
        #expect(bodies.take(1) == "Body 1.")
        #expect(bodies.take(1) == "")
        #expect(bodies.take(0) == "Body 0.")
        #expect(bodies.take(2) == "Body 2.")
    }

    @Test func everyPageIsRenderedFromItsOwnBodyOnAllCores() {
        let pages = (0..<200).map { page($0, body: "Marker \($0) here.") }
        let stage = MarkdownStage(options: MarkdownOptions(), baseURL: BaseURL("/"), jobs: 2)
        let result = stage.render(pages, cache: [:])
        #expect(result.pages.count == 200)
        for (number, rendered) in result.pages.enumerated() {
            #expect(rendered.html.contains("Marker \(number) here."))
            #expect(rendered.page.body.isEmpty)
        }
        // The pages the caller still holds keep their bodies: only a given-up array is emptied.
        #expect(pages[7].body == "Marker 7 here.")
    }
}
