import CCmarkGFM

/// One pass over a parsed document: collects headings, links, ids and plain-text sections,
/// and rewrites link destinations. Part of the C bridge.
struct TreeWalker {
    /// A heading whose node is replaced after the walk.
    struct PendingHeading {
        var node: OpaquePointer
        var heading: MarkdownHeading
    }

    private let rewriteLink: ((MarkdownLink) -> String?)?
    private var slugger = HeadingSlugger()
    private var sections: [MarkdownTextSection] = []
    private var currentHeading: MarkdownHeading?
    private var text = PlainTextBuffer()
    private var headingDepth = 0
    private var paragraphText: PlainTextBuffer?
    private(set) var pendingHeadings: [PendingHeading] = []
    private(set) var links: [MarkdownLink] = []
    private(set) var firstParagraph: String?
    private(set) var ids: [String] = []
    /// Whether the document references or defines a footnote (whose ids only the renderer
    /// knows).
    private(set) var hasFootnotes = false
    /// Whether the document holds raw HTML (whose links and ids only a scan of the output finds).
    private(set) var hasRawHTML = false

    init(rewriteLink: ((MarkdownLink) -> String?)?) {
        self.rewriteLink = rewriteLink
    }

    /// Visits every node of `document`.
    mutating func walk(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, entering: event == CMARK_EVENT_ENTER)
        }
    }

    /// The sections, including the one still open.
    func finishedSections() -> [MarkdownTextSection] {
        sections + [
            MarkdownTextSection(
                heading: currentHeading, text: text.result, wordCount: text.wordCount)
        ]
    }

    private mutating func visit(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HEADING:
            visitHeading(node, entering: entering)
            return
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if entering { visitLink(node, isImage: type == CMARK_NODE_IMAGE) }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            if entering { recordFootnote(node) }
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // Every definition left in the document is rendered, even one whose only reference
            // was in a heading taken out as the title or in a definition cmark dropped.
            if entering { recordFootnote(node) }
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            hasRawHTML = true
        case CMARK_NODE_PARAGRAPH:
            visitParagraph(node, entering: entering)
        default:
            break
        }
        if headingDepth == 0 { text.add(node, entering: entering) }
        paragraphText?.add(node, entering: entering)
    }

    private mutating func visitParagraph(_ node: OpaquePointer, entering: Bool) {
        guard firstParagraph == nil else { return }
        if entering, paragraphText == nil,
            cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT
        {
            paragraphText = PlainTextBuffer()
        } else if !entering, let buffer = paragraphText,
            cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT
        {
            firstParagraph = buffer.result
            paragraphText = nil
        }
    }

    private mutating func visitHeading(_ node: OpaquePointer, entering: Bool) {
        let level = Int(cmark_node_get_heading_level(node))
        let opensSection = level == 2 || level == 3
        guard entering else {
            if opensSection { headingDepth -= 1 } else { text.add(node, entering: false) }
            return
        }
        let title = CmarkDocument.plainText(of: node)
        let id = slugger.uniqueID(for: title)
        let heading = MarkdownHeading(
            level: level, text: title, id: id, line: Int(cmark_node_get_start_line(node)))
        pendingHeadings.append(PendingHeading(node: node, heading: heading))
        ids.append(id)
        if opensSection {
            sections.append(
                MarkdownTextSection(
                    heading: currentHeading, text: text.result, wordCount: text.wordCount))
            currentHeading = heading
            text = PlainTextBuffer()
            headingDepth += 1
        } else {
            text.add(node, entering: true)
        }
    }

    private mutating func visitLink(_ node: OpaquePointer, isImage: Bool) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        if line == 0 {
            var parent = cmark_node_parent(node)
            while let block = parent, cmark_node_get_start_line(block) == 0 {
                parent = cmark_node_parent(block)
            }
            line = parent.map { Int(cmark_node_get_start_line($0)) } ?? 1
            column = parent.map { Int(cmark_node_get_start_column($0)) } ?? 1
        }
        let link = MarkdownLink(
            destination: destination, line: max(line, 1), column: max(column, 1), isImage: isImage)
        links.append(link)
        if let rewrite = rewriteLink, let replacement = rewrite(link), replacement != destination {
            cmark_node_set_url(node, replacement)
        }
    }

    private mutating func recordFootnote(_ node: OpaquePointer) {
        hasFootnotes = true
    }
}
