import Foundation

/// Turns source files into pages: front matter, URLs, drafts, generated section pages.
///
/// Pure: takes values, returns values. Two sources that map to one URL are an error.
public struct PageCollector: Sendable {
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

    /// A source file's page (nil for a draft left out), diagnostics and parse for the cache.
    ///
    /// A class, so that handing 10,000 of them from the workers to the thread that collects
    /// them moves one reference each rather than copying every string a page holds; each is
    /// filled by the worker that parsed it and then read by that one thread only.
    private final class ParsedSource: @unchecked Sendable {
        /// The file's path under `content/`.
        let path: String
        /// The page, until `collect(parsed:)` takes it.
        var page: Page?
        let problems: [Diagnostic]
        let record: CachedSource?

        init(
            path: String, page: Page?, problems: [Diagnostic], record: CachedSource?
        ) {
            self.path = path
            self.page = page
            self.problems = problems
            self.record = record
        }

        /// The page, moved out (nil afterwards).
        func takePage() -> Page? {
            var taken: Page?
            swap(&taken, &page)
            return taken
        }
    }

    /// Builds the pages, sorted by site path, with every section page present.
    public func collect(_ sources: [SourceFile]) -> ([Page], [Diagnostic]) {
        let collected = collectRecording(sources)
        return (collected.pages, collected.diagnostics)
    }

    /// What `collectRecording` returns: the pages, the diagnostics, and each stamped source's
    /// parse for the next build.
    struct Collected: Sendable {
        var pages: [Page]
        var diagnostics: [Diagnostic]
        var parses: [String: CachedSource]
    }

    /// Builds the pages like `collect`; a source an earlier build parsed (`SourceFile.cached`)
    /// is not parsed again, and its page's body is left on disk.
    func collectRecording(_ sources: [SourceFile]) -> Collected {
        collect(parsed: sources.parallelMap(jobs: jobs) { parse($0) })
    }

    /// One source file's front matter and page; a source an earlier build parsed is not parsed
    /// again, and its page's body is left on disk.
    private func parse(_ source: SourceFile) -> ParsedSource {
        if let cached = source.cached {
            let split = FrontMatterParser.Split(
                yaml: nil, body: "", bodyLineOffset: cached.bodyLineOffset)
            var page = makePage(source.path, frontMatter: cached.frontMatter, split: split)
            page.bodyHash = cached.bodyHash
            page.bodyIsOnDisk = true
            let kept = cached.frontMatter.draft && !includeDrafts ? nil : page
            return ParsedSource(
                path: source.path, page: kept, problems: cached.problems, record: cached)
        }
        let (matter, split, problems) = FrontMatterParser(path: "content/" + source.path)
            .parse(source.text)
        var page = makePage(source.path, frontMatter: matter, split: split)
        // A file read again whose body is as the earlier build parsed it (touched, or only its
        // front matter edited) leaves its body on disk: all of a checkout's bodies are not held.
        if let previous = source.previousBodyHash, previous == page.bodyHash {
            page.body = ""
            page.bodyIsOnDisk = true
        }
        let record = source.stamp.map {
            CachedSource(
                stamp: $0, frontMatter: matter, bodyLineOffset: split.bodyLineOffset,
                bodyHash: page.bodyHash, problems: problems)
        }
        let kept = matter.draft && !includeDrafts ? nil : page
        return ParsedSource(path: source.path, page: kept, problems: problems, record: record)
    }

    /// Builds the pages from parsed sources (in path order), taking each page out of its parse.
    private func collect(parsed: [ParsedSource]) -> Collected {
        var collected = Collected(pages: [], diagnostics: [], parses: [:])
        collected.parses.reserveCapacity(parsed.count)
        collected.pages.reserveCapacity(parsed.count)
        for result in parsed {
            collected.diagnostics.append(contentsOf: result.problems)
            if let record = result.record { collected.parses[result.path] = record }
            if let page = result.takePage() { collected.pages.append(page) }
        }
        collected.pages.append(contentsOf: generatedSectionPages(for: collected.pages))
        collected.diagnostics.append(contentsOf: collisions(in: collected.pages))
        collected.pages.sort { $0.sitePath < $1.sitePath }
        return collected
    }

    private func makePage(_ path: String, frontMatter: FrontMatter, split: FrontMatterParser.Split)
        -> Page
    {
        // Paths are split on their bytes: a folder is everything before the last slash.
        let (folder, name) =
            path.lastUTF8Offset(of: UInt8(ascii: "/")).map(path.utf8Parts) ?? ("", path)
        if Self.indexNames.contains(name) {
            return Page(
                sourcePath: path, sitePath: Self.sitePath(forFolder: folder), sectionPath: folder,
                parentSection: Self.parent(of: folder), frontMatter: frontMatter, body: split.body,
                bodyLineOffset: split.bodyLineOffset,
                fallbackTitle: folder.isEmpty ? "Home" : Self.humanise(Self.lastComponent(folder)))
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
        // Pages are grouped only when some URL is taken twice, which is rare.
        var seen = Set<String>(minimumCapacity: pages.count)
        var taken = Set<String>()
        for index in pages.indices where !seen.insert(pages[index].sitePath).inserted {
            taken.insert(pages[index].sitePath)
        }
        guard !taken.isEmpty else { return [] }
        var owners: [String: [Page]] = [:]
        for page in pages where taken.contains(page.sitePath) {
            owners[page.sitePath, default: []].append(page)
        }
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
        // The bytes are searched in place: the generic search over the UTF-8 view cost the
        // output update a fifth of its time.
        let found = folder.utf8.withContiguousStorageIfAvailable { bytes -> String in
            var index = bytes.count - 1
            while index >= 0, bytes[index] != UInt8(ascii: "/") { index -= 1 }
            guard index > 0 else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self)
        }
        if let found { return found }
        return folder.lastUTF8Offset(of: UInt8(ascii: "/")).map {
            folder.utf8Parts(around: $0).before
        } ?? ""
    }

    /// The last component of a folder path: `b` for `a/b`.
    static func lastComponent(_ folder: String) -> String {
        folder.lastUTF8Offset(of: UInt8(ascii: "/")).map { folder.utf8Parts(around: $0).after }
            ?? folder
    }

    /// The file name without its extension.
    static func stem(of name: String) -> String {
        guard let dot = name.lastUTF8Offset(of: UInt8(ascii: ".")), dot > 0 else { return name }
        return name.utf8Parts(around: dot).before
    }

    /// `getting-started` → `Getting started`.
    static func humanise(_ name: String) -> String {
        var bytes = Array(name.utf8)
        for index in bytes.indices
        where bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "_") {
            bytes[index] = UInt8(ascii: " ")
        }
        // An ASCII first character not followed by a combining mark is upper-cased in place.
        if let first = bytes.first, first < 0x80, bytes.count < 2 || bytes[1] < 0x80 {
            if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { bytes[0] = first - 32 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let spaced = String(decoding: bytes, as: UTF8.self)
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
