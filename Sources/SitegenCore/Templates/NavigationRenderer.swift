import Foundation

/// Renders navigation trees with the `nav-item` template. Entries that are collapsed and not
/// current read nothing from the page showing them, so each section's children are rendered
/// once as one run of HTML, and a page's list copies the slices it shows (the entries before
/// and after its own path) instead of joining dozens of strings. Only the entries on a page's
/// own path (the page and its ancestors) are rendered per page. The HTML reaches templates as
/// `navHTML`.
///
/// With an `inertness` test (`OutputLinkChecker.isInert`), each run, frame and per-page entry
/// is tested once as it is rendered, so a page's navigation is known to be inert, and its link
/// check can pass over it, without scanning it on every page.
struct NavigationRenderer: Sendable {
    let library: TemplateLibrary
    let contexts: PageContextBuilder
    /// Whether a piece of navigation HTML is inert, with a memo of link verdicts; nil tests
    /// nothing (nothing is inert).
    let inertness: (@Sendable (String, inout LinkMemo) -> Bool)?
    /// Each section's collapsed children and each ancestor's frame, once rendered; shared by
    /// the renderers `rendering(with:)` makes.
    private let shared: SharedEntries

    /// Creates a renderer; sections are rendered on demand.
    init(
        library: TemplateLibrary, contexts: PageContextBuilder,
        inertness: (@Sendable (String, inout LinkMemo) -> Bool)? = nil
    ) {
        self.init(
            library: library, contexts: contexts, inertness: inertness, shared: SharedEntries())
    }

    private init(
        library: TemplateLibrary, contexts: PageContextBuilder,
        inertness: (@Sendable (String, inout LinkMemo) -> Bool)?, shared: SharedEntries
    ) {
        self.library = library
        self.contexts = contexts
        self.inertness = inertness
        self.shared = shared
    }

    /// A renderer that renders with `library` (a worker's own copy) and shares this one's runs and frames,
    /// so each section is rendered once per build, not once per worker.
    func rendering(with library: TemplateLibrary) -> NavigationRenderer {
        NavigationRenderer(
            library: library, contexts: contexts, inertness: inertness, shared: shared)
    }

    /// The collapsed entries of one section's children, back to back.
    struct Run: Sendable {
        /// The entries' HTML.
        var html = ""
        /// Where each child's entry starts in `html`, and where the last one ends.
        var offsets: [String.Index] = []
        /// Whether every entry is inert on its own, so any slice of entries is.
        var isInert = false
    }

    /// An ancestor's entry split where its children go: every page below the ancestor shows
    /// the same entry around different children. Nil halves when the template does not write
    /// the children once as they are (then the entry is rendered per page).
    struct Frame: Sendable {
        var before: String?
        var after: String?
        /// Whether both halves are inert on their own.
        var isInert = false
    }

    /// Rendered runs and frames by section page, filled in by whichever thread needs one first.
    private final class SharedEntries: @unchecked Sendable {
        private let lock = NSLock()
        private var runs: [Int: Run] = [:]
        private var frames: [Int: Frame] = [:]

        func run(_ section: Int, render: () -> Run) -> Run {
            if let known = lock.withLock({ runs[section] }) { return known }
            let made = render()
            lock.withLock { runs[section] = made }
            return made
        }

        func frame(_ section: Int, render: () -> Frame) -> Frame {
            if let known = lock.withLock({ frames[section] }) { return known }
            let made = render()
            lock.withLock { frames[section] = made }
            return made
        }
    }

    /// Stands for an ancestor's children while its frame is rendered: escaping would change its
    /// `<`, `&` and `>`, so finding it unchanged means the children are written as they are.
    private static let childrenMarker = "\u{1}<&>sitegen-children\u{1}"

    private func frame(of page: Int, more: String?) -> Frame {
        shared.frame(page) {
            let rendered = library.render(
                "nav-item",
                Self.context(
                    contexts, page: page, current: false, ancestor: true,
                    children: Self.childrenMarker, more: more))
            let parts = rendered.components(separatedBy: Self.childrenMarker)
            guard parts.count == 2 else { return Frame(before: nil, after: nil) }
            var memo = LinkMemo()
            return Frame(
                before: parts[0], after: parts[1],
                isInert: isInert(parts[0], &memo) && isInert(parts[1], &memo))
        }
    }

    /// The run of a section's entries; `memo` holds the verdicts of the worker that renders it.
    private func run(of section: Int, memo: inout LinkMemo) -> Run {
        shared.run(section) {
            let entries = contexts.tree.childPages(of: section).map(collapsedEntry)
            var html = ""
            html.reserveCapacity(entries.reduce(0) { $0 + $1.utf8.count })
            var lengths: [Int] = [0]
            for entry in entries {
                html += entry
                lengths.append(html.utf8.count)
            }
            // Offsets fall between entries (scalar boundaries): a slice between two of them has
            // exactly those entries' bytes, even where an entry starts with a combining mark.
            let offsets = lengths.map { html.utf8.index(html.utf8.startIndex, offsetBy: $0) }
            return Run(
                html: html, offsets: offsets,
                isInert: entries.allSatisfy { isInert($0, &memo) })
        }
    }

    private func collapsedEntry(_ index: Int) -> String {
        library.render(
            "nav-item",
            Self.context(
                contexts, page: index, current: false, ancestor: false, children: "", more: nil)
        )
    }

    /// Whether `html` passes the inertness test.
    private func isInert(_ html: String, _ memo: inout LinkMemo) -> Bool {
        inertness?(html, &memo) ?? false
    }

    /// The HTML of a list of entries, not tested for inertness (an entry's children: the entry
    /// holding them is tested whole).
    func html(for items: [NavigationItem]) -> String {
        var (html, inert, memo) = ("", false, LinkMemo())
        html.reserveCapacity(16_384)
        append(items, to: &html, inert: &inert, memo: &memo)
        return html
    }

    /// The HTML of a list of entries, and whether it is inert: made only of pieces that each
    /// passed the inertness test. `memo` keeps link verdicts between calls.
    func checkedHTML(for items: [NavigationItem], memo: inout LinkMemo) -> (
        html: String, isInert: Bool
    ) {
        var html = ""
        html.reserveCapacity(16_384)
        var inert = inertness != nil
        append(items, to: &html, inert: &inert, memo: &memo)
        return (html, inert)
    }

    /// Appends the entries' HTML: collapsed entries that are neighbours in their section are
    /// copied as one slice of its run. `inert` turns false when a piece is not inert.
    private func append(
        _ items: [NavigationItem], to output: inout String, inert: inout Bool,
        memo: inout LinkMemo
    ) {
        let tree = contexts.tree
        var pending: (section: Int, range: Range<Int>)?
        func flush() {
            guard let (section, range) = pending else { return }
            let run = run(of: section, memo: &memo)
            output += run.html[run.offsets[range.lowerBound]..<run.offsets[range.upperBound]]
            inert = inert && run.isInert
            pending = nil
        }
        for item in items {
            if !item.isCurrent && !item.isAncestor && item.children.isEmpty,
                let section = tree.parentIndex[item.page]
            {
                let position = tree.siblingPosition[item.page]
                if let (open, range) = pending, open == section, range.upperBound == position {
                    pending = (section, range.lowerBound..<(position + 1))
                } else {
                    flush()
                    pending = (section, position..<(position + 1))
                }
                continue
            }
            flush()
            let more = item.truncated ? contexts.pageURLs[item.page] : nil
            if item.isAncestor, !item.isCurrent, !item.children.isEmpty {
                let frame = frame(of: item.page, more: more)
                if let before = frame.before, let after = frame.after {
                    output += before
                    append(item.children, to: &output, inert: &inert, memo: &memo)
                    output += after
                    inert = inert && frame.isInert
                    continue
                }
            }
            let entry = library.render(
                "nav-item",
                Self.context(
                    contexts, page: item.page, current: item.isCurrent, ancestor: item.isAncestor,
                    children: html(for: item.children), more: more))
            output += entry
            // The entry holds its children's HTML: testing it tests them too.
            inert = inert && isInert(entry, &memo)
        }
        flush()
    }

    private static func context(
        _ contexts: PageContextBuilder, page: Int, current: Bool, ancestor: Bool, children: String,
        more: String?
    ) -> [String: TemplateValue] {
        [
            "title": .string(contexts.tree.pages[page].title),
            "url": .string(contexts.pageURLs[page]), "current": .bool(current),
            "ancestor": .bool(ancestor), "hasChildren": .bool(!children.isEmpty),
            "childrenHTML": .string(children), "children": .list([]), "more": .text(more),
            "root": .string(contexts.config.baseURL.path),
        ]
    }
}
