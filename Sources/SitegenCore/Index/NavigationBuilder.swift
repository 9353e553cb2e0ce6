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
        items(under: 0, depth: 0, path: tree.ancestors(of: index) + [index]).items
    }

    /// The entries of `section`, which is `path[depth]`: only `path[depth + 1]` among its
    /// children is on the path, so no child needs looking up in a set.
    private func items(under section: Int, depth: Int, path: [Int])
        -> (items: [NavigationItem], truncated: Bool)
    {
        let all = tree.childPages(of: section)
        let onPath = depth + 1 < path.count ? path[depth + 1] : nil
        let focus = onPath.map { tree.siblingPosition[$0] } ?? 0
        let start = max(0, min(focus - window / 2, all.count - window))
        let shown = all.count > window ? all[start..<(start + window)] : all[...]
        let current = path[path.count - 1]
        let list = shown.map { child -> NavigationItem in
            let isOnPath = child == onPath
            let expand = isOnPath && tree.pages[child].page.isSection
            let nested: (items: [NavigationItem], truncated: Bool) =
                expand ? items(under: child, depth: depth + 1, path: path) : ([], false)
            return NavigationItem(
                page: child, isCurrent: child == current, isAncestor: isOnPath && child != current,
                children: nested.items, truncated: nested.truncated)
        }
        return (list, all.count > window)
    }
}
