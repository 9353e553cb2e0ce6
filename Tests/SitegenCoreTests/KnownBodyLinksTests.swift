import Foundation
import Testing

@testable import SitegenCore

/// A page body's links and ids are known (and its output check may pass over it) only when a
/// scan of its HTML would find nothing else.
@Suite struct KnownBodyLinksTests {
    private func rendered(_ body: String) -> RenderedPage {
        let tree = PageFactory.tree([
            "a.md": "---\ntitle: A\n---\n" + body, "b.md": "---\ntitle: B\n---\n# B\n\n## Part\n",
        ])
        return tree.pages.first { $0.page.sourcePath == "a.md" } ?? tree.pages[0]
    }

    @Test func plainMarkdownHasKnownLinks() {
        let page = rendered(
            "## Start\n\nSee [b](b.md), [part](b.md#part), [web](https://example.com/x?y=1#z), "
                + "![pic](https://example.com/p.png) and <https://example.org>.\n\n"
                + "```swift\nlet x = \"<a href='no'>\"\n```\n\n> [!NOTE]\n> Careful.\n")
        #expect(page.linksAreKnown)
        #expect(page.ids == ["start"])
    }

    @Test(arguments: [
        "Raw <a href=\"/elsewhere/\">link</a>.\n",
        "<div id=\"x\">block</div>\n",
        "A note.[^1]\n\n[^1]: The note.\n",
        "[query](https://example.com/?a=1&b=2)\n",
        "[quote](https://example.com/it's)\n",
        "[accent](https://example.com/café)\n",
        "[space](<https://example.com/a b>)\n",
        "[empty]()\n",
    ])
    func bodiesAScanMustReadAreNotKnown(body: String) {
        #expect(!rendered(body).linksAreKnown, "\(body)")
    }

    /// Passing over a known body gives the check a scan of the whole file gives, on a site
    /// whose template parts have problems of their own.
    @Test func passingOverAKnownBodyChecksAsAWholeScan() {
        let page = rendered(
            "## Start\n\n[b](b.md) and [web](https://example.com/#top).\n\n## Start\n")
        #expect(page.linksAreKnown)
        let checker = OutputLinkChecker(
            baseURL: BaseURL("/"), existing: ["a/index.html", "b/index.html"])
        let before = "<html><body><a href=\"/gone/\">x</a><p id=\"start\">t</p><a href=\"#start\">"
        let after = "</a><a href=\"#start-1\">s</a><a href=\"b/index.html#nowhere\">n</a></body>"
        let data = Data((before + page.html + after).utf8)
        let range = before.utf8.count..<(before.utf8.count + page.html.utf8.count)
        var (whole, passing) = (LinkMemo(), LinkMemo())
        let scanned = checker.check(path: "a/index.html", html: data, origin: nil, memo: &whole)
        let passed = checker.check(
            path: "a/index.html", html: data, origin: nil, memo: &passing,
            passingOver: [.init(range, ids: page.ids)])
        #expect(passed == scanned)
        #expect(!scanned.diagnostics.isEmpty)
    }

    @Test func aBodyWithIdsIsScannedWhereOwnFragmentsNeedAPath() {
        let checker = OutputLinkChecker(baseURL: BaseURL("/"), existing: ["a%20b/index.html"])
        let html = Data("<h2 id=\"x\">X <a href=\"#x\"></a></h2>".utf8)
        var (whole, passing) = (LinkMemo(), LinkMemo())
        let scanned = checker.check(path: "a%20b/index.html", html: html, origin: nil, memo: &whole)
        let passed = checker.check(
            path: "a%20b/index.html", html: html, origin: nil, memo: &passing,
            passingOver: [.init(0..<html.count, ids: ["x"])])
        #expect(passed == scanned)
        #expect(!scanned.diagnostics.isEmpty)
    }
}

/// The link check's shared memo starts with the verdicts of every root-relative URL templates
/// repeat on many pages, so no worker has to add one (and copy the memo to do so).
@Suite struct SharedURLsTests {
    @Test func sharedURLsNameAssetsTopicsSearchAndFeed() {
        let tree = PageFactory.tree([
            "a.md": PageFactory.page("A", topics: ["Redis", "Caching"]),
            "b.md": PageFactory.page("B", topics: ["Redis"]),
        ])
        let contexts = PageContextBuilder(
            config: SiteConfig(), tree: tree,
            topics: TopicIndexBuilder(config: SiteConfig()).build(tree).0,
            assets: ["assets/style.css": "assets/style.0123456789.css"], hasFeed: true)
        #expect(
            Set(contexts.sharedURLs) == [
                "/assets/style.0123456789.css", "/topics/", "/search/", "/feed.xml",
                "/topics/redis/", "/topics/caching/",
            ])
        let checker = OutputLinkChecker(
            baseURL: BaseURL("/"), existing: ["topics/index.html", "topics/redis/index.html"])
        let memo = checker.seededMemo(contexts.sharedURLs)
        #expect(memo.verdict(for: "/topics/redis/") == .some(nil))
        #expect(memo.verdict(for: "/feed.xml") != nil)
    }
}

/// A footnote cmark renders has ids and links only the HTML shows, even when the walk meets no
/// reference to it.
@Suite struct RenderedFootnoteTests {
    private func rendered(_ text: String) -> RenderedPage {
        let tree = PageFactory.tree(["a.md": text, "b.md": "---\ntitle: B\n---\nB.\n"])
        return tree.pages.first { $0.page.sourcePath == "a.md" } ?? tree.pages[0]
    }

    @Test(arguments: [
        "# Title[^1]\n\nText.\n\n[^1]: The note.\n",
        "---\ntitle: A\n---\n[^n]: note[^1]\n\ntext\n\n[^1]: the note\n",
    ])
    func aRenderedFootnoteIsNeverPassedOver(text: String) {
        let page = rendered(text)
        #expect(page.html.contains("id=\"fn-1\""), "\(page.html)")
        #expect(!page.linksAreKnown)
        #expect(page.ids.contains("fn-1"))
    }
}
