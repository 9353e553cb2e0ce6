import CCmarkGFM
import CCmarkThreading
import Foundation

/// The bridge to cmark-gfm: the only code in sitegen that touches C pointers.
///
/// Quirks handled here:
/// - `cmark_parser_finish` edits a process-wide table of special characters. The
///   `CCmarkThreading` target pins that table after the first parse, so documents then parse on
///   every core; until it is pinned (or if pinning failed) `cmark_parser_finish` runs under a lock.
/// - Every allocation goes to a per-thread arena (`cmark_arena.c`): nodes made here must come
///   from `newNode`, and nothing cmark returns may be passed to `free`.
/// - `cmark_render_html` needs the parser's extension list, or tagfilter is silently skipped.
/// - Footnotes are an option (`CMARK_OPT_FOOTNOTES`), not an extension.
/// - Extension node types have no public constants; `cmark_node_get_type_string` names them.
enum CmarkDocument {
    /// The GFM extensions every parser gets.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    private static let finishLock = NSLock()

    /// The allocator of every parser and node: the calling thread's arena (see `cmark_arena.c`),
    /// released as a whole when `render` returns, so nothing is freed node by node.
    static var memory: UnsafeMutablePointer<cmark_mem> {
        UnsafeMutableRawPointer(sitegen_cmark_arena()).assumingMemoryBound(to: cmark_mem.self)
    }

    /// A new node whose memory lives as long as the document being rendered.
    static func newNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new_with_mem(type, memory)
    }

    /// Whether documents may now be parsed on several threads at once (see `CCmarkThreading`).
    static var parsesConcurrently: Bool { sitegen_cmark_special_characters_pinned() != 0 }

    /// Parses, annotates and renders one document; all its C memory is the calling thread's
    /// arena, released at once before returning.
    static func render(
        _ markdown: String, options: MarkdownOptions,
        rewriteLink: ((MarkdownLink) -> String?)?
    ) -> RenderedMarkdown {
        _ = registration
        var flags = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        sitegen_cmark_arena_begin()
        defer { sitegen_cmark_arena_end() }
        guard let parser = cmark_parser_new_with_mem(flags, memory) else {
            return RenderedMarkdown(
                html: "", headings: [], links: [], sections: [], leadingTitle: nil,
                firstParagraph: nil, ids: [])
        }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document =
            parsesConcurrently
            ? cmark_parser_finish(parser) : finishLock.withLock { cmark_parser_finish(parser) }
        guard let document else {
            return RenderedMarkdown(
                html: "", headings: [], links: [], sections: [], leadingTitle: nil,
                firstParagraph: nil, ids: [])
        }

        var title: String?
        if options.extractLeadingTitle, let first = cmark_node_first_child(document),
            cmark_node_get_type(first) == CMARK_NODE_HEADING,
            cmark_node_get_heading_level(first) == 1
        {
            title = plainText(of: first)
            cmark_node_free(first)
        }
        let transformer = BlockTransformer(highlightCode: options.highlightCode)
        transformer.transformCallouts(document)
        var walker = TreeWalker(rewriteLink: rewriteLink)
        walker.walk(document)
        transformer.transformCode(document)
        for pending in walker.pendingHeadings {
            replaceHeading(pending.node, id: pending.heading.id, level: pending.heading.level)
        }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        var html: [UInt8] = []
        if let rendered = cmark_render_html(document, flags, extensions) {
            html = Array(
                UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)))
        }
        let ids = walker.ids + (walker.hasFootnotes ? footnoteIDs(in: html) : [])
        var rendered = RenderedMarkdown(
            html: "", headings: walker.pendingHeadings.map(\.heading), links: walker.links,
            sections: walker.finishedSections(), leadingTitle: title,
            firstParagraph: walker.firstParagraph, ids: ids)
        rendered.htmlBytes = html
        rendered.hasRawHTML = walker.hasRawHTML
        rendered.hasFootnotes = walker.hasFootnotes
        return rendered
    }

    /// The `fn-…` and `fnref-…` ids cmark-gfm wrote. Footnote reference nodes carry their
    /// number, not their label, and repeat references get `-2`, `-3`, so the ids are read back
    /// from the renderer's own output.
    static func footnoteIDs(in html: [UInt8]) -> [String] {
        var ids: [String] = []
        let marker = Array(" id=\"fn".utf8)
        html.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            // memchr finds each `=` (rare outside tags); the marker is checked around it.
            var equals = 0
            while equals < bytes.count,
                let found = memchr(base + equals, Int32(UInt8(ascii: "=")), bytes.count - equals)
            {
                equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                let index = equals - 4
                guard index >= 0, index + marker.count <= bytes.count,
                    bytes[index..<(index + marker.count)].elementsEqual(marker)
                else { continue }
                let start = index + 5
                var end = start
                while end < bytes.count && bytes[end] != 0x22 { end += 1 }
                let id = String(decoding: bytes[start..<end], as: UTF8.self)
                if id.hasPrefix("fn-") || id.hasPrefix("fnref-") { ids.append(id) }
                equals = end
            }
        }
        return ids
    }

    /// Replaces a heading node by a custom block holding `<hN id="…">`, the heading's inlines, a
    /// permalink and `</hN>`. The tags are inline HTML because a custom block's own enter and exit
    /// text would be followed by line breaks, unlike cmark's `<hN>…</hN>`.
    private static func replaceHeading(_ heading: OpaquePointer, id: String, level: Int) {
        guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        appendInlineHTML("<h\(level) id=\"\(id)\">", to: block)
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(block, child)
        }
        appendInlineHTML(
            " <a class=\"anchor\" href=\"#\(id)\" aria-hidden=\"true\" tabindex=\"-1\"></a></h\(level)>",
            to: block)
        cmark_node_insert_before(heading, block)
        cmark_node_free(heading)
    }

    private static func appendInlineHTML(_ html: String, to parent: OpaquePointer) {
        guard let node = newNode(CMARK_NODE_HTML_INLINE) else { return }
        cmark_node_set_literal(node, html)
        cmark_node_append_child(parent, node)
    }

    /// The plain text of a node and its descendants.
    static func plainText(of node: OpaquePointer) -> String {
        var text = PlainTextBuffer()
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            text.add(current, entering: event == CMARK_EVENT_ENTER)
        }
        return text.result
    }
}
