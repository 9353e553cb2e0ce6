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
    /// Each page's position among its parent's children (0 for the home page).
    let siblingPosition: [Int]

    /// Moves each page's search text out of the tree, in reading order, for the search index
    /// to own (templates never read it); the pages are not copied (see
    /// `RenderedPage.takeSections`).
    mutating func takeSearchText() -> [[SearchSection]] {
        var taken: [[SearchSection]] = []
        taken.reserveCapacity(pages.count)
        for index in pages.indices { taken.append(pages[index].takeSections()) }
        return taken
    }

    /// Orders the pages and links them into sections. Pages are handled by index and each is
    /// copied once, into its place: a page holds dozens of references to retain per copy.
    public init(pages unordered: [RenderedPage]) {
        var byFolder: [String: [Int]] = [:]
        var sectionPages: [String: Int] = [:]
        for index in unordered.indices {
            let page = unordered[index].page
            if let folder = page.sectionPath {
                sectionPages[folder] = index
                if !folder.isEmpty { byFolder[page.parentSection, default: []].append(index) }
            } else {
                byFolder[page.parentSection, default: []].append(index)
            }
        }
        var order: [Int] = []
        var parents: [Int?] = []
        var positions: [Int] = []
        var sectionIndex: [String: Int] = [:]
        var childIndices: [String: [Int]] = [:]
        func visit(_ folder: String, parent: Int?, position: Int) {
            guard let source = sectionPages[folder] else { return }
            let index = order.count
            order.append(source)
            parents.append(parent)
            positions.append(position)
            sectionIndex[folder] = index
            var list: [Int] = []
            for child in SiteTree.readingOrder(byFolder[folder] ?? [], of: unordered) {
                let position = list.count
                list.append(order.count)
                if let sub = unordered[child].page.sectionPath {
                    visit(sub, parent: index, position: position)
                } else {
                    order.append(child)
                    parents.append(index)
                    positions.append(position)
                }
            }
            childIndices[folder] = list
        }
        visit("", parent: nil, position: 0)
        self.pages = order.map { unordered[$0] }
        self.sectionPage = sectionIndex
        self.children = childIndices
        self.parentIndex = parents
        self.siblingPosition = positions
    }

    /// The indices of `pages` sorted by weight, then title (case-insensitively), then URL;
    /// each page's key is made once rather than in every comparison.
    static func readingOrder(_ indices: [Int], of pages: [RenderedPage]) -> [Int] {
        let keys = indices.map { index in
            (
                pages[index].page.frontMatter.weight ?? Int.max, pages[index].title.lowercased(),
                pages[index].sitePath
            )
        }
        return indices.indices.sorted { keys[$0] < keys[$1] }.map { indices[$0] }
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
            let folder = pages[parent].sectionPath,
            let siblings = children[folder]
        else { return (nil, nil) }
        let position = siblingPosition[index]
        let previous = position > 0 ? siblings[position - 1] : nil
        let next = position + 1 < siblings.count ? siblings[position + 1] : nil
        return (previous, next)
    }

    /// The children of a section page, in order.
    public func childPages(of index: Int) -> [Int] {
        guard let folder = pages[index].sectionPath else { return [] }
        return children[folder] ?? []
    }
}
