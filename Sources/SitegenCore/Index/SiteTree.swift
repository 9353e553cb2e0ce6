import SitegenMarkdown

/// The site's pages in reading order, with the section structure between them.
///
/// Pages sort by `weight` (pages without one come last), then title, then URL. Reading order
/// is depth first: a section's page, then its children.
public struct SiteTree: Sendable {
    /// Pages in reading order.
    public private(set) var pages: [RenderedPage]
    /// Folder → index (in `pages`) of that section's page.
    let sectionPage: [String: Int]
    /// Folder → indices of its children (pages and subsection pages), sorted.
    let children: [String: [Int]]
    /// Index of each page's parent section page (nil for the home page).
    let parentIndex: [Int?]

    /// Moves each page's search text out of the tree, in reading order, for the search index
    /// to own (templates never read it); the pages are not copied.
    mutating func takeSearchText() -> [[MarkdownTextSection]] {
        var taken: [[MarkdownTextSection]] = []
        taken.reserveCapacity(pages.count)
        for index in pages.indices {
            taken.append(pages[index].sections)
            pages[index].sections = []
        }
        return taken
    }

    /// Orders the pages and links them into sections.
    public init(pages unordered: [RenderedPage]) {
        var byFolder: [String: [RenderedPage]] = [:]
        var sectionPages: [String: RenderedPage] = [:]
        for page in unordered {
            if let folder = page.page.sectionPath {
                sectionPages[folder] = page
                if !folder.isEmpty { byFolder[page.page.parentSection, default: []].append(page) }
            } else {
                byFolder[page.page.parentSection, default: []].append(page)
            }
        }
        var ordered: [RenderedPage] = []
        var parents: [Int?] = []
        var sectionIndex: [String: Int] = [:]
        var childIndices: [String: [Int]] = [:]
        func visit(_ folder: String, parent: Int?) {
            guard let page = sectionPages[folder] else { return }
            let index = ordered.count
            ordered.append(page)
            parents.append(parent)
            sectionIndex[folder] = index
            var list: [Int] = []
            for child in SiteTree.inReadingOrder(byFolder[folder] ?? []) {
                if let sub = child.page.sectionPath {
                    list.append(ordered.count)
                    visit(sub, parent: index)
                } else {
                    list.append(ordered.count)
                    ordered.append(child)
                    parents.append(index)
                }
            }
            childIndices[folder] = list
        }
        visit("", parent: nil)
        self.pages = ordered
        self.sectionPage = sectionIndex
        self.children = childIndices
        self.parentIndex = parents
    }

    /// Pages sorted by weight, then title (case-insensitively), then URL; each page's key is
    /// made once rather than in every comparison.
    static func inReadingOrder(_ pages: [RenderedPage]) -> [RenderedPage] {
        let keys = pages.map { page in
            (page.page.frontMatter.weight ?? Int.max, page.title.lowercased(), page.page.sitePath)
        }
        return pages.indices.sorted { keys[$0] < keys[$1] }.map { pages[$0] }
    }

    /// Indices of the page's ancestors, home first, not including the page.
    public func ancestors(of index: Int) -> [Int] {
        var chain: [Int] = []
        var current = parentIndex[index]
        while let parent = current {
            chain.insert(parent, at: 0)
            current = parentIndex[parent]
        }
        return chain
    }

    /// The pages before and after this one among its section's children.
    public func neighbours(of index: Int) -> (previous: Int?, next: Int?) {
        guard let parent = parentIndex[index],
            let folder = pages[parent].page.sectionPath,
            let siblings = children[folder],
            let position = siblings.firstIndex(of: index)
        else { return (nil, nil) }
        let previous = position > 0 ? siblings[position - 1] : nil
        let next = position + 1 < siblings.count ? siblings[position + 1] : nil
        return (previous, next)
    }

    /// The children of a section page, in order.
    public func childPages(of index: Int) -> [Int] {
        guard let folder = pages[index].page.sectionPath else { return [] }
        return children[folder] ?? []
    }
}
