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
        /// The Markdown body, to find the line of a raw-HTML link.
        public var body: String
        /// Line offset of the body in its file.
        public var bodyLineOffset: Int
        /// hrefs that came from Markdown links (already checked).
        public var markdownHrefs: Set<String>
    }

    /// The site's base URL.
    public let baseURL: BaseURL
    /// Worker count, or nil for all cores.
    public let jobs: Int?

    /// Creates a checker.
    public init(baseURL: BaseURL, jobs: Int?) {
        self.baseURL = baseURL
        self.jobs = jobs
    }

    /// Problems in `files`; `origins` maps output paths of pages to their sources.
    public func check(_ files: [OutputFile], origins: [String: Origin]) -> [Diagnostic] {
        let html = files.filter { $0.path.hasSuffix(".html") }
        let scanned = html.parallelMap(jobs: jobs) { file -> HTMLScanner.Result in
            guard case .data(let data) = file.contents else { return HTMLScanner.Result() }
            return HTMLScanner().scan(Array(data))
        }
        var idsByFile: [String: Set<String>] = [:]
        for (file, result) in zip(html, scanned) { idsByFile[file.path] = Set(result.ids) }
        let existing = Set(files.map(\.path))
        let ids = idsByFile
        // Root-relative links mean the same on every page: check each distinct one once.
        var absolute = Set<String>()
        for result in scanned {
            for link in result.links where link.hasPrefix("/") { absolute.insert(link) }
        }
        let distinct = absolute.sorted()
        let verdicts = distinct.parallelMap(jobs: jobs) { link in
            problem(link, from: "", existing: existing, ids: ids)
        }
        var absoluteProblems: [String: String] = [:]
        for (link, verdict) in zip(distinct, verdicts) {
            if let verdict { absoluteProblems[link] = verdict }
        }
        var diagnostics: [Diagnostic] = []
        for (file, result) in zip(html, scanned) {
            let origin = origins[file.path]
            diagnostics.append(contentsOf: duplicateIDs(result.ids, in: file.path, origin: origin))
            for link in Set(result.links).sorted()
            where !(origin?.markdownHrefs.contains(link) ?? false) {
                let verdict =
                    link.hasPrefix("/")
                    ? absoluteProblems[link]
                    : problem(link, from: file.path, existing: existing, ids: idsByFile)
                if let verdict {
                    diagnostics.append(
                        .warning(location(of: link, in: file.path, origin: origin), verdict))
                }
            }
        }
        return diagnostics
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

    /// What is wrong with one link, or nil.
    func problem(
        _ link: String, from page: String, existing: Set<String>, ids: [String: Set<String>]
    ) -> String? {
        guard !link.isEmpty, !LinkResolver.isExternal(link), !link.hasPrefix("data:") else {
            return nil
        }
        var target = link
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let mark = target.firstIndex(of: "?") { target = String(target[..<mark]) }
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
            file.utf8.contains(UInt8(ascii: "%")) ? (file.removingPercentEncoding ?? file) : file
        let candidates =
            decoded.isEmpty || decoded.hasSuffix("/")
            ? [decoded + "index.html"] : [decoded, decoded + "/index.html"]
        guard let found = candidates.first(where: existing.contains) else {
            return "broken link '\(link)': no such page or file"
        }
        if let fragment, !fragment.isEmpty, let targetIDs = ids[found] {
            let id =
                fragment.utf8.contains(UInt8(ascii: "%"))
                ? (fragment.removingPercentEncoding ?? fragment) : fragment
            if !targetIDs.contains(id) {
                return "broken link '\(link)': no id '\(id)' on /\(found)"
            }
        }
        return nil
    }

    private func location(of needle: String, in path: String, origin: Origin?) -> SourceLocation {
        guard let origin else { return SourceLocation(path: "(output)/" + path) }
        guard let range = origin.body.range(of: needle) else {
            return SourceLocation(path: origin.path)
        }
        let before = origin.body[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column =
            before.distance(
                from: before.lastIndex(of: "\n").map { before.index(after: $0) }
                    ?? before.startIndex, to: before.endIndex) + 1
        return SourceLocation(path: origin.path, line: line + origin.bodyLineOffset, column: column)
    }
}
