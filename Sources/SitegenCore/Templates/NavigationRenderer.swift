import Foundation

/// Renders navigation trees with the `nav-item` template, rendering each collapsed entry at most
/// once per build (when a page first shows it) instead of once per page that shows it; only the
/// entries on a page's own path (the page and its ancestors) are rendered per page. The HTML
/// reaches templates as `navHTML`.
struct NavigationRenderer: Sendable {
    let library: TemplateLibrary
    let contexts: PageContextBuilder
    /// Each page's entry, collapsed and not current, once rendered.
    private let collapsed: CollapsedEntries

    /// Creates a renderer; entries are rendered on demand.
    init(library: TemplateLibrary, contexts: PageContextBuilder) {
        self.library = library
        self.contexts = contexts
        self.collapsed = CollapsedEntries(count: contexts.tree.pages.count)
    }

    /// Rendered collapsed entries, filled in by whichever thread needs one first.
    private final class CollapsedEntries: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String?]

        init(count: Int) { entries = Array(repeating: nil, count: count) }

        func entry(_ index: Int, render: () -> String) -> String {
            if let known = lock.withLock({ entries[index] }) { return known }
            let made = render()
            lock.withLock { entries[index] = made }
            return made
        }
    }

    private func collapsedEntry(_ index: Int) -> String {
        collapsed.entry(index) {
            library.render(
                "nav-item",
                Self.context(
                    contexts, page: index, current: false, ancestor: false, children: "", more: nil)
            )
        }
    }

    /// The HTML of a list of entries.
    func html(for items: [NavigationItem]) -> String {
        var pieces: [String] = []
        pieces.reserveCapacity(items.count)
        for item in items {
            if !item.isCurrent && !item.isAncestor && item.children.isEmpty {
                pieces.append(collapsedEntry(item.page))
            } else {
                let more = item.truncated ? contexts.pageURLs[item.page] : nil
                pieces.append(
                    library.render(
                        "nav-item",
                        Self.context(
                            contexts, page: item.page, current: item.isCurrent,
                            ancestor: item.isAncestor,
                            children: html(for: item.children), more: more)))
            }
        }
        var html = ""
        html.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { html += piece }
        return html
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
