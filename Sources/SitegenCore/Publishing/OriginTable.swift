/// Where each page's output file came from, for the output link checker's diagnostics; an
/// origin is made only when asked for, since a rebuild checks a few files of thousands.
struct OriginTable: Sendable {
    /// The site's pages.
    private let tree: SiteTree
    /// Output path (`<page>/index.html`) → index of its page in `tree`, made when a file other
    /// than a templated page (whose page is known) first asks.
    private let pages: OnceValue<[String: Int]>
    /// The content folder's path, with a trailing slash.
    private let content: String

    /// A table of `tree`'s pages, whose sources are under `content`.
    init(tree: SiteTree, content: String) {
        self.tree = tree
        self.content = content + "/"
        self.pages = OnceValue {
            var pages: [String: Int] = [:]
            pages.reserveCapacity(tree.pages.count)
            for index in tree.pages.indices {
                pages[tree.pages[index].sitePath + "index.html"] = index
            }
            return pages
        }
    }

    /// A table without pages.
    static let empty = OriginTable(tree: SiteTree(pages: []), content: "")

    /// The origin of the output file at `path`, or nil when no page made it.
    subscript(path: String) -> OutputLinkChecker.Origin? {
        pages.value[path].map(origin(page:))
    }

    /// The origin of page `index`'s output file.
    func origin(page index: Int) -> OutputLinkChecker.Origin {
        let page = tree.pages[index].page
        return OutputLinkChecker.Origin(
            path: page.diagnosticPath, sourceFile: page.sourcePath.map { content + $0 },
            bodyLineOffset: page.bodyLineOffset,
            markdownHrefs: tree.pages[index].links.map(\.target.href))
    }
}
