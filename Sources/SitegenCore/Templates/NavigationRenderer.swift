/// Renders navigation trees with the `nav-item` template, rendering each collapsed entry once
/// per build instead of once per page that shows it; only the entries on a page's own path
/// (the page and its ancestors) are rendered per page. The HTML reaches templates as `navHTML`.
struct NavigationRenderer: Sendable {
    let library: TemplateLibrary
    let contexts: PageContextBuilder
    /// Each page's entry, collapsed and not current.
    let collapsed: [String]

    /// Renders every collapsed entry, on all cores.
    init(library: TemplateLibrary, contexts: PageContextBuilder, jobs: Int?) {
        self.library = library
        self.contexts = contexts
        let indices = Array(contexts.tree.pages.indices)
        self.collapsed = indices.parallelMap(jobs: jobs) { index in
            library.render(
                "nav-item",
                Self.context(
                    contexts, page: index, current: false, ancestor: false, children: "", more: nil)
            )
        }
    }

    /// The HTML of a list of entries.
    func html(for items: [NavigationItem]) -> String {
        var result = ""
        for item in items {
            if !item.isCurrent && !item.isAncestor && item.children.isEmpty {
                result += collapsed[item.page]
            } else {
                let more = item.truncated ? contexts.pageURLs[item.page] : nil
                result += library.render(
                    "nav-item",
                    Self.context(
                        contexts, page: item.page, current: item.isCurrent,
                        ancestor: item.isAncestor,
                        children: html(for: item.children), more: more))
            }
        }
        return result
    }

    private static func context(
        _ contexts: PageContextBuilder, page: Int, current: Bool, ancestor: Bool, children: String,
        more: String?
    ) -> [String: Any] {
        [
            "title": contexts.tree.pages[page].title, "url": contexts.pageURLs[page],
            "current": current, "ancestor": ancestor, "hasChildren": !children.isEmpty,
            "childrenHTML": children, "children": [Any](), "more": more ?? false,
            "root": contexts.config.baseURL.path,
        ]
    }
}
