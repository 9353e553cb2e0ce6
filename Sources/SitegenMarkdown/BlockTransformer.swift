import CCmarkGFM
import Foundation
import SitegenHighlight

/// Rewrites blocks before the walk: GitHub-style alerts (`> [!NOTE]`) become callouts, and
/// fenced code in a highlighted language becomes highlighted HTML. Part of the C bridge.
///
/// Code in any other language is left alone, so it keeps cmark's exact HTML.
struct BlockTransformer {
    /// Alert markers and their titles.
    static let callouts = [
        "NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning",
        "CAUTION": "Caution",
    ]

    /// Whether fenced code is highlighted.
    let highlightCode: Bool

    /// Turns alerts into callouts; runs before the walk so the markers are not search text.
    func transformCallouts(_ document: OpaquePointer) {
        nodes(of: CMARK_NODE_BLOCK_QUOTE, in: document).forEach(makeCallout)
    }

    /// Highlights fenced code; runs after the walk, which reads the code as plain text.
    func transformCode(_ document: OpaquePointer) {
        guard highlightCode else { return }
        nodes(of: CMARK_NODE_CODE_BLOCK, in: document).forEach(highlight)
    }

    /// The blocks of `type` in document order. Only blocks are visited: code blocks and block
    /// quotes never sit inside a paragraph or heading, so their inline nodes (most of a page's
    /// nodes) are skipped.
    private func nodes(of type: cmark_node_type, in document: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        collect(type, under: document, into: &found)
        return found
    }

    private func collect(
        _ type: cmark_node_type, under parent: OpaquePointer, into found: inout [OpaquePointer]
    ) {
        var child = cmark_node_first_child(parent)
        while let node = child {
            let nodeType = cmark_node_get_type(node)
            guard Self.isBlock(nodeType) else { return }
            if nodeType == type { found.append(node) }
            collect(type, under: node, into: &found)
            child = cmark_node_next(node)
        }
    }

    /// Whether a node type is a block (inline types carry another flag).
    static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & 0xC000 == 0x8000
    }

    /// Replaces a fenced code block in a supported language by highlighted HTML.
    private func highlight(_ node: OpaquePointer) {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        // cmark writes through all three out-pointers without checking them for NULL.
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0,
            let infoPointer = cmark_node_get_fence_info(node)
        else { return }
        let info = String(cString: infoPointer)
        let language = String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        guard !language.isEmpty, let literal = cmark_node_get_literal(node),
            let highlighted = SyntaxHighlighter.highlight(
                String(cString: literal), language: language),
            let html = CmarkDocument.newNode(CMARK_NODE_HTML_BLOCK)
        else { return }
        let className = SyntaxHighlighter.escape(language)
        cmark_node_set_literal(
            html, "<pre><code class=\"language-\(className)\">\(highlighted)</code></pre>")
        cmark_node_insert_before(node, html)
        cmark_node_free(node)
    }

    /// Turns `> [!NOTE]` … into a callout block with an accessible label.
    private func makeCallout(_ quote: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(quote),
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return }
        var marker = ""
        var markerNodes: [OpaquePointer] = []
        var child = cmark_node_first_child(paragraph)
        while let node = child, cmark_node_get_type(node) == CMARK_NODE_TEXT {
            marker += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            markerNodes.append(node)
            child = cmark_node_next(node)
        }
        let trimmed = marker.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]"),
            let title = Self.callouts[String(trimmed.dropFirst(2).dropLast()).uppercased()]
        else { return }
        if let next = child {
            let type = cmark_node_get_type(next)
            guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { return }
            markerNodes.append(next)
        }
        markerNodes.forEach { cmark_node_free($0) }
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        wrap(quote, kind: title.lowercased(), title: title)
    }

    /// Replaces the block quote by a custom block holding its children.
    private func wrap(_ quote: OpaquePointer, kind: String, title: String) {
        guard let block = CmarkDocument.newNode(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(
            block,
            "<div class=\"callout callout-\(kind)\" role=\"note\" aria-label=\"\(title)\">\n<p class=\"callout-title\">\(title)</p>"
        )
        cmark_node_set_on_exit(block, "</div>")
        while let child = cmark_node_first_child(quote) { cmark_node_append_child(block, child) }
        cmark_node_insert_before(quote, block)
        cmark_node_free(quote)
    }
}
