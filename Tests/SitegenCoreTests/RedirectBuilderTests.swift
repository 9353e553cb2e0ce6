import Foundation
import Testing

@testable import SitegenCore

@Suite struct RedirectBuilderTests {
    @Test func aliasesBecomeRedirectPagesAndCollisionsAreErrors() throws {
        let tree = PageFactory.tree([
            "index.md": PageFactory.page("Home"),
            "guide.md":
                "---\ntitle: Guide\naliases: [/old-guide/, legacy.html, /clash/]\n---\nBody\n",
            "clash.md": "---\ntitle: Clash\naliases: [/old-guide/]\n---\nBody\n",
        ])
        let taken = Set(tree.pages.map { $0.page.sitePath + "index.html" })
        let (files, diagnostics) = RedirectBuilder(baseURL: BaseURL("https://example.org/docs/"))
            .redirects(tree, taken: taken)
        #expect(files.map(\.path).sorted() == ["legacy.html", "old-guide/index.html"])
        let legacy = try #require(files.first { $0.path == "legacy.html" }?.bytes())
        let html = String(decoding: legacy, as: UTF8.self)
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/docs/guide/\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/docs/guide/\">"))
        #expect(
            diagnostics.map(\.description).sorted() == [
                "content/guide.md:3:1: error: alias '/clash/' collides with another page or alias at /clash/index.html",
                "content/guide.md:3:1: error: alias '/old-guide/' collides with another page or alias at /old-guide/index.html",
            ])
    }
}
