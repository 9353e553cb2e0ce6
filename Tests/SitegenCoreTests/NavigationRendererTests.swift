import Foundation
import Testing

@testable import SitegenCore

/// Navigation copies slices of each section's rendered entries; every page's HTML must equal
/// rendering each entry of its tree with the `nav-item` template, one by one.
@Suite struct NavigationRendererTests {
    static let item = """
        <li{{#current}} aria-current="page"{{/current}}{{#ancestor}} class="up"{{/ancestor}}>\
        <a href="{{url}}">{{title}}</a>{{#hasChildren}}<ul>{{{childrenHTML}}}</ul>{{/hasChildren}}\
        {{#more}}<a href="{{more}}">all</a>{{/more}}</li>

        """

    /// A site with a windowed section, a nested one and top-level pages.
    static func tree() -> SiteTree {
        var site = [
            "index.md": PageFactory.page("Home"), "a.md": PageFactory.page("A & B"),
            "big/index.md": PageFactory.page("Big", weight: 1),
            "big/inner/index.md": PageFactory.page("Inner", weight: 30),
            "big/inner/x.md": PageFactory.page("X"), "big/inner/y.md": PageFactory.page("Y"),
        ]
        for number in 1...120 {
            site["big/p\(number).md"] = PageFactory.page("P\(number)", weight: number)
        }
        return PageFactory.tree(site)
    }

    /// The entries rendered one at a time, as the renderer did before it kept runs.
    static func reference(
        _ items: [NavigationItem], _ library: TemplateLibrary, _ contexts: PageContextBuilder
    ) -> String {
        items.map { item in
            let children = reference(item.children, library, contexts)
            let context: [String: Any] = [
                "title": contexts.tree.pages[item.page].title, "url": contexts.pageURLs[item.page],
                "current": item.isCurrent, "ancestor": item.isAncestor,
                "hasChildren": !children.isEmpty, "childrenHTML": children, "children": [Any](),
                "more": item.truncated ? contexts.pageURLs[item.page] : false,
                "root": contexts.config.baseURL.path,
            ]
            return library.render("nav-item", context)
        }.joined()
    }

    /// The entry template, and variants that write the children escaped, twice or not at all
    /// (an ancestor's entry is then rendered per page instead of split around its children).
    static let items = [
        item, item.replacingOccurrences(of: "{{{childrenHTML}}}", with: "{{childrenHTML}}"),
        item.replacingOccurrences(
            of: "{{{childrenHTML}}}", with: "{{{childrenHTML}}}<!--{{{childrenHTML}}}-->"),
        item.replacingOccurrences(of: "{{{childrenHTML}}}", with: ""),
        // Entries that start with a combining mark join the end of the one before into one
        // character, so their boundaries are not character boundaries.
        "\u{301}" + item.trimmingCharacters(in: .newlines),
    ]

    @Test(arguments: 0..<5)
    func everyPageMatchesRenderingEachEntry(variant: Int) {
        let tree = Self.tree()
        let library = CompiledTemplateTests.library(["nav-item": Self.items[variant]])
        let contexts = PageContextBuilder(
            config: SiteConfig(), tree: tree,
            topics: TopicIndexBuilder(config: SiteConfig()).build(tree).0)
        let renderer = NavigationRenderer(library: library, contexts: contexts)
        let worker = renderer.rendering(with: library.isolatedCopy())
        for index in tree.pages.indices {
            let items = contexts.navigation.navigation(for: index)
            let expected = Self.reference(items, library, contexts)
            #expect(renderer.html(for: items) == expected)
            #expect(worker.html(for: items) == expected)
        }
    }

    /// A page's navigation is called inert only when testing its whole HTML agrees, so a link
    /// check may pass over it; entries with ids or broken links make no page's inert.
    @Test(arguments: [0, 2, 3, 4, 5, 6])
    func inertNavigationIsInertAsAWhole(variant: Int) {
        let templates =
            Self.items + [
                Self.item.replacingOccurrences(of: "<li", with: "<li id=\"e-{{title}}\""),
                Self.item.replacingOccurrences(
                    of: "</li>", with: "{{#current}}<a href=\"/gone/\">x</a>{{/current}}</li>"),
            ]
        let tree = Self.tree()
        let library = CompiledTemplateTests.library(["nav-item": templates[variant]])
        let contexts = PageContextBuilder(
            config: SiteConfig(), tree: tree,
            topics: TopicIndexBuilder(config: SiteConfig()).build(tree).0)
        let checker = OutputLinkChecker(
            baseURL: SiteConfig().baseURL,
            existing: Set(tree.pages.map { $0.sitePath + "index.html" }))
        let renderer = NavigationRenderer(
            library: library, contexts: contexts, inertness: { checker.isInert($0, memo: &$1) })
        func showsCurrent(_ items: [NavigationItem]) -> Bool {
            items.contains { $0.isCurrent || showsCurrent($0.children) }
        }
        var inertPages = 0
        for index in tree.pages.indices {
            let items = contexts.navigation.navigation(for: index)
            var memo = LinkMemo()
            let (html, inert) = renderer.checkedHTML(for: items, memo: &memo)
            #expect(html == Self.reference(items, library, contexts))
            var fresh = LinkMemo()
            if inert {
                #expect(checker.isInert(html, memo: &fresh))
                inertPages += 1
            }
            // Entries with ids are never inert; a broken link only the current entry has makes
            // exactly the pages that show it not inert.
            if variant == 6 { #expect(inert == !showsCurrent(items)) }
        }
        #expect((inertPages == tree.pages.count) == (variant < 5))
        #expect((inertPages == 0) == (variant == 5))
    }

    @Test func siblingPositionsAreEachPagesPlaceAmongItsParentsChildren() {
        let tree = Self.tree()
        for index in tree.pages.indices.dropFirst() {
            let parent = tree.parentIndex[index] ?? -1
            #expect(tree.childPages(of: parent)[tree.siblingPosition[index]] == index)
        }
    }
}
