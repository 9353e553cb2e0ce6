import Foundation

/// Checks every internal link and `#fragment` in the generated HTML (templates and raw HTML
/// included) and reports duplicate ids, each problem once.
///
/// Links written in Markdown are checked earlier with their exact line; they are skipped here.
public struct OutputLinkChecker: Sendable {
    /// Where a page came from, for diagnostics.
    public struct Origin: Sendable {
        /// Path diagnostics name.
        public var path: String
        /// The Markdown file, read again to find the line of a raw-HTML link; nil for
        /// generated pages.
        public var sourceFile: String?
        /// Line offset of the body in its file.
        public var bodyLineOffset: Int
        /// hrefs that came from Markdown links (already checked): a page's few, searched in
        /// order, as a set per page cost more to build than the searches it saved.
        public var markdownHrefs: [String]
    }

    /// What checking one generated HTML file found.
    public struct PageCheck: Sendable, Equatable {
        /// The file's path in the output.
        public var path: String
        /// Every id the file defines.
        public var ids: PageIDs
        /// Problems found without looking at other files.
        public var diagnostics: [Diagnostic]
        /// Links to a `#fragment` of another file, checked once every file's ids are known.
        public var deferred: [String]
    }

    /// The site's base URL.
    public let baseURL: BaseURL
    /// Every file the output holds.
    public let existing: Set<String>

    /// Creates a checker for an output holding the files at `existing`.
    public init(baseURL: BaseURL, existing: Set<String>) {
        self.baseURL = baseURL
        self.existing = existing
    }

    /// A range of a file that a check passes over rather than scans, with the ids it defines
    /// (in order): navigation `isInert` accepted (no ids), or a page body whose links and ids
    /// are known (`RenderedPage.linksAreKnown`).
    public struct PassedOver: Sendable {
        /// The bytes passed over.
        public var range: Range<Int>
        /// The ids defined there.
        public var ids: [String]

        /// A part passed over.
        public init(_ range: Range<Int>, ids: [String] = []) {
            self.range = range
            self.ids = ids
        }
    }

    /// Scans one HTML file and checks what it can alone: duplicate ids, links to files, and
    /// fragments of itself. `memo` keeps verdicts of root-relative links between calls.
    ///
    /// `parts` are ranges whose links need no check (see `PassedOver`): each is passed over
    /// when the bytes before it end outside any tag, which leaves the check exactly as a scan
    /// of the whole file would make it. A part defining ids is passed over only when the
    /// file's `#id` links name its own ids without resolving a path.
    public func check(
        path: String, html: Data, origin: Origin?, memo: inout LinkMemo,
        passingOver parts: [PassedOver] = []
    ) -> PageCheck {
        var links: [String] = []
        var ids: [String] = []
        // `#id` resolves to this file itself only when its path needs no decoding and exists;
        // otherwise such links take the general path and its verdict.
        let fragmentsAreOwn =
            !path.containsUTF8(UInt8(ascii: "%")) && path.utf8.last != UInt8(ascii: "/")
            && existing.contains(path)
        html.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            func scan(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
                HTMLScanner().scan(
                    part,
                    links: { link in
                        if link.first == UInt8(ascii: "/"), let known = memo.verdict(for: link),
                            known == nil
                        {
                            return
                        }
                        links.append(
                            HTMLScanner.decodeEntities(String(decoding: link, as: UTF8.self)))
                    },
                    ids: {
                        ids.append(HTMLScanner.decodeEntities(String(decoding: $0, as: UTF8.self)))
                    }
                )
            }
            var position = 0
            for part in parts.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                guard part.range.lowerBound >= position, part.range.upperBound <= bytes.count,
                    part.ids.isEmpty || fragmentsAreOwn,
                    scan(UnsafeBufferPointer(rebasing: bytes[position..<part.range.lowerBound]))
                else {
                    links.removeAll()
                    ids.removeAll()
                    position = 0
                    break
                }
                ids.append(contentsOf: part.ids)
                position = part.range.upperBound
            }
            _ = scan(UnsafeBufferPointer(rebasing: bytes[position...]))
        }
        let ownIDs = Set(ids)
        var check = PageCheck(
            path: path, ids: PageIDs(ownIDs),
            diagnostics: duplicateIDs(ids, in: path, origin: origin),
            deferred: [])
        var seen = Set<String>()
        for link in links where seen.insert(link).inserted {
            if link.utf8.first == UInt8(ascii: "/"), let known = memo.verdict(for: link),
                known == nil
            {
                continue
            }
            if fragmentsAreOwn && Self.namesOwnID(link, ownIDs) { continue }
            if origin?.markdownHrefs.contains(link) ?? false { continue }
            // An external link has no problem to find, here or once every file's ids are known.
            if LinkResolver.isExternal(link) || link.hasPrefix("data:") { continue }
            if Self.pointsIntoAnotherFile(link) {
                check.deferred.append(link)
                continue
            }
            let verdict: String?
            if link.utf8.first == UInt8(ascii: "/") {
                verdict = problem(link, from: "", existing: existing) { _ in nil }
                memo.record(link, verdict: verdict)
            } else {
                verdict = problem(link, from: path, existing: existing) {
                    $0 == path ? { ownIDs.contains($0) } : nil
                }
            }
            if let verdict {
                check.diagnostics.append(
                    .warning(location(of: link, in: path, origin: origin), verdict))
            }
        }
        return check
    }

    /// Whether a page's check may pass over `html` (a fragment every page repeats, such as
    /// navigation entries) without a change to what it finds: scanned alone, the bytes end
    /// outside any tag, define no id, and link only to root-relative paths (without `&` or a
    /// fragment of another file) that exist. Such links are fine wherever they appear, so
    /// `check` would find nothing in them.
    /// `memo` gives and keeps verdicts as `check` does: a link it knows to be fine needs no
    /// path resolved.
    public func isInert(_ html: String, memo: inout LinkMemo) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            var inert = true
            let ends = HTMLScanner().scan(
                bytes,
                links: { link in
                    guard inert else { return }
                    guard link.first == UInt8(ascii: "/"), !link.contains(UInt8(ascii: "&")) else {
                        inert = false
                        return
                    }
                    // The memo holds no link to another file's fragment.
                    if let known = memo.verdict(for: link) {
                        inert = known == nil
                        return
                    }
                    let text = String(decoding: link, as: UTF8.self)
                    guard !Self.pointsIntoAnotherFile(text) else {
                        inert = false
                        return
                    }
                    let verdict = problem(text, from: "", existing: existing) { _ in nil }
                    memo.record(text, verdict: verdict)
                    inert = verdict == nil
                },
                ids: { _ in inert = false })
            return inert && ends
        }
    }

    /// A memo already holding the verdicts of the root-relative `links` (the pages' own URLs,
    /// which navigation repeats on every page), for each worker to start from: workers that
    /// each learnt them anew resolved thousands of paths.
    public func seededMemo(_ links: [String]) -> LinkMemo {
        var memo = LinkMemo()
        for link in links
        where link.utf8.first == UInt8(ascii: "/") && !Self.pointsIntoAnotherFile(link) {
            memo.record(link, verdict: problem(link, from: "", existing: existing) { _ in nil })
        }
        return memo
    }

    /// Problems of every file: those found alone, then the deferred fragment links.
    func finish(_ checks: [PageCheck], origins: OriginTable) -> [Diagnostic] {
        var ids: [String: PageIDs] = [:]
        ids.reserveCapacity(checks.count)
        for check in checks { ids[check.path] = check.ids }
        // Only files a fragment link names have their ids decoded, each once.
        var decoded: [String: PageIDs] = [:]
        func lookup(_ path: String) -> ((String) -> Bool)? {
            if let known = decoded[path] { return known.contains }
            guard let found = ids[path]?.decoded else { return nil }
            decoded[path] = found
            return found.contains
        }
        var diagnostics: [Diagnostic] = []
        for check in checks {
            diagnostics.append(contentsOf: check.diagnostics)
            for link in check.deferred {
                if let verdict = problem(link, from: check.path, existing: existing, ids: lookup) {
                    diagnostics.append(
                        .warning(
                            location(of: link, in: check.path, origin: origins[check.path]),
                            verdict))
                }
            }
        }
        return diagnostics
    }

    /// Whether a link is `#id` (no escapes) naming an id of its own file: the table of contents
    /// and heading anchors make most links of a page, and need no path resolved.
    static func namesOwnID(_ link: String, _ ids: Set<String>) -> Bool {
        guard link.utf8.first == UInt8(ascii: "#"), !link.containsUTF8(UInt8(ascii: "%")) else {
            return false
        }
        return ids.contains(String(decoding: link.utf8.dropFirst(), as: UTF8.self))
    }

    /// Whether a link names a fragment of some other file (`a/#x`, not `#x`).
    static func pointsIntoAnotherFile(_ link: String) -> Bool {
        guard let hash = link.utf8Offset(of: UInt8(ascii: "#")) else { return false }
        return hash != 0 && hash + 1 != link.utf8.count && link.utf8.first != UInt8(ascii: "?")
    }

    private func duplicateIDs(_ ids: [String], in path: String, origin: Origin?) -> [Diagnostic] {
        var seen = Set<String>()
        var reported = Set<String>()
        var diagnostics: [Diagnostic] = []
        for id in ids where !seen.insert(id).inserted && reported.insert(id).inserted {
            diagnostics.append(
                .warning(
                    location(of: "id=\"\(id)\"", in: path, origin: origin),
                    "duplicate id '\(id)' in /\(path)"))
        }
        return diagnostics
    }

    /// What is wrong with one link, or nil; `ids` gives the id test of a file whose ids are
    /// known (nil for the others, whose fragments are not checked).
    func problem(
        _ link: String, from page: String, existing: Set<String>,
        ids: (String) -> ((String) -> Bool)?
    ) -> String? {
        guard !link.isEmpty, !LinkResolver.isExternal(link), !link.hasPrefix("data:") else {
            return nil
        }
        // `#` and `?` are found by their bytes: a URL's delimiters are bytes, and searching
        // by `Character` cost most of this function's time.
        var target = link
        var fragment: String?
        if let hash = target.utf8Offset(of: UInt8(ascii: "#")) {
            (target, fragment) = target.utf8Split(at: hash, keepingMark: false)
        }
        if let mark = target.utf8Offset(of: UInt8(ascii: "?")) {
            target = target.utf8Split(at: mark, keepingMark: true).0
        }
        let file: String
        if target.isEmpty {
            file = page
        } else if target.hasPrefix("/") {
            guard target.hasPrefix(baseURL.path) else {
                return "link '\(link)' points outside the site's base path \(baseURL.path)"
            }
            file = String(target.dropFirst(baseURL.path.count))
        } else {
            let folder = PageCollector.parent(of: page)
            guard
                let joined = LinkResolver.normalise(folder.isEmpty ? target : folder + "/" + target)
            else {
                return "link '\(link)' climbs above the site root"
            }
            file = joined
        }
        let decoded =
            file.containsUTF8(UInt8(ascii: "%")) ? (file.removingPercentEncoding ?? file) : file
        let candidates =
            decoded.isEmpty || decoded.hasSuffix("/")
            ? [decoded + "index.html"] : [decoded, decoded + "/index.html"]
        guard let found = candidates.first(where: existing.contains) else {
            return "broken link '\(link)': no such page or file"
        }
        if let fragment, !fragment.isEmpty, let targetIDs = ids(found) {
            let id =
                fragment.containsUTF8(UInt8(ascii: "%"))
                ? (fragment.removingPercentEncoding ?? fragment) : fragment
            if !targetIDs(id) {
                return "broken link '\(link)': no id '\(id)' on /\(found)"
            }
        }
        return nil
    }

    private func location(of needle: String, in path: String, origin: Origin?) -> SourceLocation {
        guard let origin else { return SourceLocation(path: "(output)/" + path) }
        guard let file = origin.sourceFile,
            let text = FileManager.default.contents(atPath: file).map({
                String(decoding: $0, as: UTF8.self)
            })
        else { return SourceLocation(path: origin.path) }
        let body = FrontMatterParser(path: origin.path).split(text).0.body
        guard let range = body.range(of: needle) else { return SourceLocation(path: origin.path) }
        let before = body[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column =
            before.distance(
                from: before.lastIndex(of: "\n").map { before.index(after: $0) }
                    ?? before.startIndex, to: before.endIndex) + 1
        return SourceLocation(path: origin.path, line: line + origin.bodyLineOffset, column: column)
    }
}
