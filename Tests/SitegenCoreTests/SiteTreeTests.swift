import Testing

@testable import SitegenCore

@Suite struct SiteTreeTests {
    static let site = [
        "index.md": PageFactory.page("Home"),
        "b.md": PageFactory.page("Bravo"),
        "a.md": PageFactory.page("Alpha"),
        "z.md": PageFactory.page("Zulu", weight: 1),
        "guide/index.md": PageFactory.page("Guide", weight: 2),
        "guide/one.md": PageFactory.page("One", weight: 1),
        "guide/two.md": PageFactory.page("Two", weight: 2),
        "guide/deep/three.md": PageFactory.page("Three"),
    ]

    @Test func searchTextIsTakenFromPagesThatAreNotSharedAndLeftInSharedOnes() {
        var tree = PageFactory.tree([
            "a.md": PageFactory.page("A") + "\n## Part\n\nMore words.\n",
            "b.md": PageFactory.page("B"),
        ])
        let expected = tree.pages.map(\.sections)
        #expect(expected.allSatisfy { !$0.isEmpty })
        // Another holder of the first page (as the build cache holds every page it recorded).
        let shared = tree.pages[0]
        let taken = tree.takeSearchText()
        #expect(taken == expected)
        #expect(tree.pages[0].sections == expected[0], "a shared page is not copied to empty it")
        #expect(tree.pages[1].sections.isEmpty, "a page held once gives its text up")
        #expect(shared.sections == expected[0])
    }

    @Test func aPathsParentIsEverythingBeforeItsLastSlash() {
        let cases: [(String, String)] = [
            ("", ""), ("page", ""), ("/page", ""), ("a/b", "a"), ("a/b/index.html", "a/b"),
            ("a/", "a"), ("ünï/cødé/ß.html", "ünï/cødé"), ("a//b", "a/"),
        ]
        for (path, parent) in cases {
            #expect(PageCollector.parent(of: path) == parent, "\(path)")
        }
    }

    @Test func pagesSortByWeightThenTitleInReadingOrder() {
        let tree = PageFactory.tree(Self.site)
        #expect(
            tree.pages.map(\.title) == [
                "Home", "Zulu", "Guide", "One", "Two", "Deep", "Three", "Alpha", "Bravo",
            ])
    }

    @Test func breadcrumbsAndNeighboursStayWithinTheSection() throws {
        let tree = PageFactory.tree(Self.site)
        let two = try #require(tree.pages.firstIndex { $0.title == "Two" })
        #expect(PageFactory.titles(tree, tree.ancestors(of: two)) == ["Home", "Guide"])
        let (previous, next) = tree.neighbours(of: two)
        #expect(previous.map { tree.pages[$0].title } == "One")
        #expect(next.map { tree.pages[$0].title } == "Deep")
        let one = try #require(tree.pages.firstIndex { $0.title == "One" })
        #expect(tree.neighbours(of: one).previous == nil)
    }

    @Test func navigationExpandsOnlyTheCurrentPath() throws {
        let tree = PageFactory.tree(Self.site)
        let three = try #require(tree.pages.firstIndex { $0.title == "Three" })
        let items = NavigationBuilder(tree: tree).navigation(for: three)
        #expect(PageFactory.titles(tree, items.map(\.page)) == ["Zulu", "Guide", "Alpha", "Bravo"])
        let guide = try #require(items.first { tree.pages[$0.page].title == "Guide" })
        #expect(guide.isAncestor)
        #expect(PageFactory.titles(tree, guide.children.map(\.page)) == ["One", "Two", "Deep"])
        let deep = try #require(guide.children.last)
        #expect(deep.children.map(\.isCurrent) == [true])
        #expect(items.first { tree.pages[$0.page].title == "Alpha" }?.children.isEmpty == true)
    }

    @Test func navigationShowsAtMostFiftyEntriesAroundTheCurrentPage() throws {
        var site = ["big/index.md": PageFactory.page("Big")]
        for number in 1...200 {
            site["big/p\(number).md"] = PageFactory.page("P\(number)", weight: number)
        }
        let tree = PageFactory.tree(site)
        let current = try #require(tree.pages.firstIndex { $0.title == "P120" })
        let big = try #require(NavigationBuilder(tree: tree).navigation(for: current).first)
        #expect(big.children.count == 50)
        #expect(big.truncated)
        #expect(big.children.contains { $0.isCurrent })
        #expect(tree.pages[big.children[0].page].title == "P95")
    }
}

@Suite struct FallbackTitleTests {
    @Test func fileAndFolderNamesBecomeReadableTitles() {
        #expect(PageCollector.humanise("getting-started") == "Getting started")
        #expect(PageCollector.humanise("rest_api-v2") == "Rest api v2")
        #expect(PageCollector.humanise("élan") == "Élan")
        #expect(PageCollector.humanise("") == "")
    }

    @Test func theByteFastPathAgreesWithUpperCasingTheFirstCharacter() {
        let names = [
            "a", "z-index", "Already", "9lives", "_private", "e\u{301}tude", "a\u{308}-b",
            "ß-rules",
            "ĳssel", "\r\nline", "-", "über_alles", "x",
        ]
        for name in names {
            let spaced = name.replacingOccurrences(of: "-", with: " ")
                .replacingOccurrences(of: "_", with: " ")
            let expected = spaced.prefix(1).uppercased() + spaced.dropFirst()
            #expect(PageCollector.humanise(name) == expected, "\(name)")
        }
    }

    @Test func pagePathsSplitOnTheLastSlash() {
        #expect(PageCollector.lastComponent("a/b/c") == "c")
        #expect(PageCollector.lastComponent("solo") == "solo")
        #expect(PageCollector.stem(of: "notes.v2.md") == "notes.v2")
        #expect(PageCollector.stem(of: ".hidden") == ".hidden")
        let (pages, _) = PageCollector(includeDrafts: false).collect([
            SourceFile(path: "deep/er/my-page.md", text: "Body."),
            SourceFile(path: "deep/er/index.md", text: "Body."),
        ])
        let bySite = Dictionary(uniqueKeysWithValues: pages.map { ($0.sitePath, $0) })
        #expect(bySite["deep/er/my-page/"]?.parentSection == "deep/er")
        #expect(bySite["deep/er/my-page/"]?.fallbackTitle == "My page")
        #expect(bySite["deep/er/"]?.sectionPath == "deep/er")
        #expect(bySite["deep/er/"]?.fallbackTitle == "Er")
        #expect(bySite["deep/"]?.fallbackTitle == "Deep", "a generated section page")
    }
}
