/// One entry of a page's navigation tree.
public struct NavigationItem: Sendable, Equatable {
    /// Index of the page in the site tree.
    public var page: Int
    /// Whether this is the page being rendered.
    public var isCurrent: Bool
    /// Whether this is an ancestor of the page being rendered.
    public var isAncestor: Bool
    /// Expanded children (empty when collapsed).
    public var children: [NavigationItem]
    /// Set when children were left out: the section page lists them all.
    public var truncated: Bool
}

/// Builds each page's navigation: the top-level entries, the current page's ancestors expanded,
/// and at most `window` entries per list around the current path, so output stays linear.
public struct NavigationBuilder: Sendable {
    /// The site.
    public let tree: SiteTree
    /// Most entries shown in one list.
    public let window: Int

    /// Creates a builder.
    public init(tree: SiteTree, window: Int = 50) {
        self.tree = tree
        self.window = window
    }

    /// The navigation for page `index`: the home page's children, expanded along the path.
    public func navigation(for index: Int) -> [NavigationItem] {
        let path = Set(tree.ancestors(of: index) + [index])
        return items(under: 0, current: index, path: path).items
    }

    private func items(under section: Int, current: Int, path: Set<Int>)
        -> (items: [NavigationItem], truncated: Bool)
    {
        let all = tree.childPages(of: section)
        let focus = all.firstIndex { path.contains($0) } ?? 0
        let start = max(0, min(focus - window / 2, all.count - window))
        let shown = all.count > window ? Array(all[start..<(start + window)]) : all
        let list = shown.map { child -> NavigationItem in
            let expand = path.contains(child) && tree.pages[child].page.isSection
            let nested: (items: [NavigationItem], truncated: Bool) =
                expand ? items(under: child, current: current, path: path) : ([], false)
            return NavigationItem(
                page: child, isCurrent: child == current,
                isAncestor: path.contains(child) && child != current,
                children: nested.items, truncated: nested.truncated)
        }
        return (list, all.count > window)
    }
}
