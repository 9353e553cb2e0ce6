/// Where one search term occurs: the documents (search entries) whose heading or text has it,
/// and the pages whose title has it.
struct TermOccurrences: Sendable {
    /// Heading flag: the section heading has the term.
    static let heading: UInt8 = 1
    /// Text flag: the section text has the term.
    static let text: UInt8 = 2
    /// The section has no heading (a page's top section, which ranks a little higher).
    static let pageTop: UInt8 = 4

    /// Documents, ascending.
    var docs: [Int32] = []
    /// Per document: `heading | text | pageTop` bits.
    var flags: [UInt8] = []
    /// Where the documents and flags are in the lists of the merge the index was patched
    /// from, when they are read there (`docs` and `flags` are then empty): the lists of
    /// terms an edit did not touch are not copied.
    var run: Range<Int>?
    /// Pages whose title has the term, ascending.
    var pages: [Int32] = []
    /// Per page: whether the term is the title's first word.
    var first: [Bool] = []

    /// Where the pages and first-word marks are in the title lists of the merge the index
    /// was patched from, when they are read there (`pages` and `first` are then empty).
    var titleRun: Range<Int>?

    /// Number of documents.
    var docCount: Int { run?.count ?? docs.count }
    /// Number of pages.
    var pageCount: Int { titleRun?.count ?? pages.count }

    /// Records the term in a document; documents arrive in ascending order.
    mutating func add(doc: Int32, flag: UInt8) {
        if let last = docs.last, last == doc {
            flags[flags.count - 1] |= flag
        } else {
            docs.append(doc)
            flags.append(flag)
        }
    }

    /// Records the term in a page title; pages arrive in ascending order.
    mutating func add(page: Int32, isFirst: Bool) {
        if let last = pages.last, last == page {
            first[first.count - 1] = first[first.count - 1] || isFirst
        } else {
            pages.append(page)
            first.append(isFirst)
        }
    }

    /// Appends occurrences from later documents and pages.
    mutating func append(_ other: TermOccurrences) {
        docs.append(contentsOf: other.docs)
        flags.append(contentsOf: other.flags)
        pages.append(contentsOf: other.pages)
        first.append(contentsOf: other.first)
    }
}
