import Foundation

/// Checks every internal link written in Markdown: the page, file or heading must exist.
public struct LinkChecker: Sendable {
    /// Site path of each page → its index in `tree`.
    let pageIndex: [String: Int]
    /// The pages, whose ids a fragment is looked up in (few links have one, so no set of ids
    /// is built for the thousands of pages no fragment names).
    let tree: SiteTree
    /// Every other file the build writes.
    let files: Set<String>

    /// Creates a checker for a site and the non-page files it writes.
    public init(tree: SiteTree, otherFiles: Set<String>) {
        var index: [String: Int] = [:]
        index.reserveCapacity(tree.pages.count)
        for position in tree.pages.indices {
            index[tree.pages[position].sitePath] = position
        }
        self.pageIndex = index
        self.tree = tree
        self.files = otherFiles
    }

    /// One warning per broken link.
    public func check(_ tree: SiteTree) -> [Diagnostic] {
        var idSets: [Int: Set<String>] = [:]
        var problems: [Diagnostic] = []
        for index in tree.pages.indices {
            let links = tree.pages[index].links
            // Links are read in place: copying one retains each of its strings.
            links.withUnsafeBufferPointer { links in
                for position in links.indices {
                    if let found = problem(links[position], idSets: &idSets) {
                        problems.append(found)
                    }
                }
            }
        }
        return problems
    }

    /// The problem of one link; `idSets` keeps the ids of pages fragments were looked up in.
    private func problem(_ link: PageLink, idSets: inout [Int: Set<String>]) -> Diagnostic? {
        guard let sitePath = link.target.sitePath else {
            return .warning(link.location, "broken link '\(link.destination)': no such page")
        }
        // The suffix is compared by its bytes: `String.hasSuffix` compares characters.
        let pagePath =
            sitePath.utf8.count >= 10 && sitePath.utf8.suffix(10).elementsEqual("index.html".utf8)
            ? String(sitePath.utf8.dropLast(10)) ?? sitePath : sitePath
        if let page = pageIndex[pagePath] ?? pageIndex[pagePath + "/"] {
            guard let fragment = link.target.fragment, !fragment.isEmpty else { return nil }
            let decoded =
                fragment.containsUTF8(UInt8(ascii: "%"))
                ? (fragment.removingPercentEncoding ?? fragment) : fragment
            let ids: Set<String>
            if let known = idSets[page] {
                ids = known
            } else {
                ids = Set(tree.pages[page].ids)
                idSets[page] = ids
            }
            if ids.contains(decoded) { return nil }
            return .warning(
                link.location,
                "broken link '\(link.destination)': no heading '#\(decoded)' on that page")
        }
        if files.contains(sitePath) || files.contains(sitePath + "index.html")
            || files.contains(sitePath + "/index.html")
        {
            return nil
        }
        return .warning(link.location, "broken link '\(link.destination)': no such page or file")
    }
}
