import SitegenMarkdown
import Testing

@testable import SitegenCore

/// `RenderedPage` keeps its values in a shared box but behaves as a value: changing a copy
/// never changes the original.
@Suite struct RenderedPageTests {
    func sample() -> RenderedPage {
        let tree = PageFactory.tree([
            "guide/intro.md": "---\ntitle: Intro\n---\n## Setup\n\nSee [the guide](../index.md).\n",
            "index.md": "---\ntitle: Home\n---\nWelcome.\n",
        ])
        var page = tree.pages[1]
        page.page.body = "The Markdown body."
        return page
    }

    @Test func changingACopyLeavesTheOriginal() {
        let original = sample()
        let snapshot = (
            original.title, original.page.body, original.sections, original.headings,
            original.links.count
        )
        var copy = original
        copy.title = "Changed"
        copy.page.body = "changed body"
        copy.sections = []
        copy.headings.removeAll()
        copy.links.removeAll()
        copy.wordCount += 1
        #expect(original.title == snapshot.0)
        #expect(original.page.body == snapshot.1)
        #expect(original.sections == snapshot.2)
        #expect(original.headings == snapshot.3)
        #expect(original.links.count == snapshot.4)
        #expect(copy != original)
        #expect(copy.title == "Changed" && copy.page.body == "changed body")
    }

    @Test func equalValuesInSeparateBoxesAreEqual() {
        let one = sample()
        var two = one
        two.title = one.title  // a box of its own, same values
        #expect(one == two)
        #expect(one.droppingBody().page.body.isEmpty)
        #expect(!one.page.body.isEmpty, "dropping the body copies first")
    }
}
