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

    /// A digest of what the check reads of one page besides its path: each link's destination,
    /// location and target page and fragment, and the ids fragments are looked up in.
    static func digest(links: [PageLink], ids: [String]) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(links.count)
        for link in links {
            hasher.combine(link.destination)
            hasher.combine(link.location.path)
            hasher.combine(link.location.line)
            hasher.combine(link.location.column)
            hasher.combine(link.target.sitePath ?? "\u{0}")
            hasher.combine(link.target.sitePath != nil)
            hasher.combine(link.target.fragment ?? "\u{0}")
            hasher.combine(link.target.fragment != nil)
        }
        hasher.combine(ids.count)
        for id in ids { hasher.combine(id) }
        return hasher.value
    }

    /// A key of the whole check's input: the other files, and each page's path and digest
    /// (`RenderedPage.linkDigest`). Equal keys give equal warnings.
    static func key(_ tree: SiteTree, otherFiles: Set<String>) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(otherFiles.count)
        for file in otherFiles.sorted() { hasher.combine(file) }
        hasher.combine(tree.pages.count)
        tree.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                hasher.combine(pages[index].sitePath)
                hasher.combine(Int(bitPattern: UInt(pages[index].linkDigest)))
            }
        }
        return hasher.value
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
