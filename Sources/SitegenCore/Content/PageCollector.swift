import Foundation

/// Turns source files into pages: front matter, URLs, drafts, generated section pages.
///
/// Pure: takes values, returns values. Two sources that map to one URL are an error.
public struct PageCollector {
    /// File names that make a folder's own page, in order of preference.
    public static let indexNames = ["index.md", "_index.md", "README.md"]

    /// Whether drafts are kept.
    public let includeDrafts: Bool
    /// Worker count, or nil for all cores.
    public let jobs: Int?

    /// Creates a collector.
    public init(includeDrafts: Bool, jobs: Int? = nil) {
        self.includeDrafts = includeDrafts
        self.jobs = jobs
    }

    /// A source file with its front matter decoded.
    private struct ParsedSource: Sendable {
        var path: String
        var frontMatter: FrontMatter
        var split: FrontMatterParser.Split
        var problems: [Diagnostic]
    }

    /// Builds the pages, sorted by site path, with every section page present.
    public func collect(_ sources: [SourceFile]) -> ([Page], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pages: [Page] = []
        let parsed = sources.parallelMap(jobs: jobs) { source in
            let result = FrontMatterParser(path: "content/" + source.path).parse(source.text)
            return ParsedSource(
                path: source.path, frontMatter: result.0, split: result.1, problems: result.2)
        }
        for source in parsed {
            diagnostics.append(contentsOf: source.problems)
            if source.frontMatter.draft && !includeDrafts { continue }
            pages.append(
                makePage(source.path, frontMatter: source.frontMatter, split: source.split))
        }
        pages.append(contentsOf: generatedSectionPages(for: pages))
        diagnostics.append(contentsOf: collisions(in: pages))
        return (pages.sorted { $0.sitePath < $1.sitePath }, diagnostics)
    }

    private func makePage(_ path: String, frontMatter: FrontMatter, split: FrontMatterParser.Split)
        -> Page
    {
        let parts = path.split(separator: "/").map(String.init)
        let folder = parts.dropLast().joined(separator: "/")
        let name = parts.last ?? path
        if Self.indexNames.contains(name) {
            return Page(
                sourcePath: path, sitePath: Self.sitePath(forFolder: folder), sectionPath: folder,
                parentSection: Self.parent(of: folder), frontMatter: frontMatter, body: split.body,
                bodyLineOffset: split.bodyLineOffset,
                fallbackTitle: folder.isEmpty ? "Home" : Self.humanise(parts.dropLast().last ?? ""))
        }
        let stem = Self.stem(of: name)
        let last = frontMatter.slug.map { $0.trimmingCharacters(in: ["/"]) } ?? stem
        let sitePath = (folder.isEmpty ? "" : folder + "/") + last + "/"
        return Page(
            sourcePath: path, sitePath: sitePath, sectionPath: nil, parentSection: folder,
            frontMatter: frontMatter, body: split.body, bodyLineOffset: split.bodyLineOffset,
            fallbackTitle: Self.humanise(stem))
    }

    private func generatedSectionPages(for pages: [Page]) -> [Page] {
        var folders: Set<String> = [""]
        for page in pages {
            var folder = page.sectionPath ?? page.parentSection
            while !folder.isEmpty {
                folders.insert(folder)
                folder = Self.parent(of: folder)
            }
        }
        let existing = Set(pages.compactMap(\.sectionPath))
        return folders.subtracting(existing).sorted().map { folder in
            Page(
                sourcePath: nil, sitePath: Self.sitePath(forFolder: folder), sectionPath: folder,
                parentSection: Self.parent(of: folder),
                fallbackTitle: folder.isEmpty
                    ? "Home" : Self.humanise(String(folder.split(separator: "/").last ?? "")))
        }
    }

    private func collisions(in pages: [Page]) -> [Diagnostic] {
        var owners: [String: [Page]] = [:]
        for page in pages { owners[page.sitePath, default: []].append(page) }
        return owners.keys.sorted().compactMap { sitePath in
            guard let group = owners[sitePath], group.count > 1 else { return nil }
            let names = group.map(\.diagnosticPath).sorted()
            let list = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            return .error(
                SourceLocation(path: names[0]),
                "\(list) map to the same URL /\(sitePath)")
        }
    }

    /// `guide/` for `guide`, `` for the root.
    static func sitePath(forFolder folder: String) -> String { folder.isEmpty ? "" : folder + "/" }

    /// The parent folder of `a/b` is `a`; of `a` it is ``.
    static func parent(of folder: String) -> String {
        guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(folder[..<slash])
    }

    /// The file name without its extension.
    static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `getting-started` → `Getting started`.
    static func humanise(_ name: String) -> String {
        let spaced = String(
            decoding: name.utf8.map {
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0
            }, as: UTF8.self)
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
