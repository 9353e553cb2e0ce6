import Foundation

/// Applies templates: every page, the topic pages, the search page and `404.html`.
public struct SiteRenderer: Sendable {
    /// Compiled templates.
    public let library: TemplateLibrary
    /// Context values.
    public let contexts: PageContextBuilder
    /// Worker count, or nil for all cores.
    public let jobs: Int?
    /// One job per page, made once: both the output paths and the render read them.
    private let pageJobList: [Job]

    /// Creates a renderer.
    public init(library: TemplateLibrary, contexts: PageContextBuilder, jobs: Int?) {
        self.library = library
        self.contexts = contexts
        self.jobs = jobs
        self.pageJobList = Self.pageJobs(contexts.tree)
    }

    /// What applying templates produced; the files themselves went to the sink.
    struct Result: Sendable {
        /// Each templated file's link check, in the order the files were scheduled.
        var checks: [OutputLinkChecker.PageCheck]
        var entries: [String: BuildCache.OutputEntry]
        var rendered: Int
    }

    /// Where templated files go and how they are checked.
    struct Destination: Sendable {
        /// Receives every templated file.
        var sink: any OutputSink
        /// Scans each file for broken links as it is made.
        var checker: OutputLinkChecker
        /// Source of each page's output, for diagnostics.
        var origins: OriginTable
        /// Whether cached files keep their bytes in memory (serve) rather than on disk.
        var keepsData: Bool
        /// A hash of the output files links may name (`filesKey(_:)`), part of every cache key.
        var filesKey: UInt64
        /// `PageKeys.pagesDigest` of the tree and topics, when a build worked it out beside
        /// other stages; nil to work it out here.
        var pagesDigest: (@Sendable () -> UInt64)? = nil
    }

    /// Renders every file into `destination`, reusing those in `cache` whose templates and
    /// context are unchanged; a page naming a missing template is an error.
    func render(
        into destination: Destination, cache: [String: BuildCache.OutputEntry],
        recording: Bool = true
    ) -> (Result, [Diagnostic]) {
        let missing = missingTemplates()
        guard missing.isEmpty else {
            return (Result(checks: [], entries: [:], rendered: 0), missing)
        }
        let pages = pageJobList
        let jobsList = pages + extraJobs()
        var keyHasher = ContextHasher()
        keyHasher.combine(Int(bitPattern: UInt(library.fingerprint)))
        keyHasher.combine(Int(bitPattern: UInt(destination.filesKey)))
        let templateKey = keyHasher.value
        // Navigation pieces are tested once each, so a page's check can pass over its navigation.
        let checker = destination.checker
        let sharedNavigation = NavigationRenderer(
            library: library, contexts: contexts, inertness: { checker.isInert($0, memo: &$1) })
        var homeMemo = LinkMemo()
        let homeNavigation = sharedNavigation.checkedHTML(
            for: contexts.homeNavigation, memo: &homeMemo)
        let keys = PageKeys(contexts: contexts)
        let siteDigest = recording ? keys.siteDigest(pages: destination.pagesDigest?()) : 0
        // Made only once a file must be templated: a rebuild may template one page of many.
        let seed = OnceValue { [contexts] in
            destination.checker.seededMemo(contexts.pageURLs + contexts.sharedURLs)
        }
        let order = Self.schedule(jobsList, pageCount: pages.count)
        let scheduled = order.parallelChunks(jobs: jobs) { chunk -> [Outcome] in
            var memo = LinkMemo()
            // Each chunk renders from templates of its own, made when it first templates a file:
            // shared ones had every core contending for their reference counts. Navigation runs
            // are bytes, shared: each section's entries are rendered once.
            var renderers: (library: TemplateLibrary, navigation: NavigationRenderer)?
            // Files this chunk has templated: past a few, it takes the seeded memo (a rebuild
            // that templates a page or two never pays for seeding).
            var templated = 0
            return chunk.map { index in
                let job = jobsList[index]
                var key: UInt64 = 0
                if recording, let page = job.page {
                    var hasher = ContextHasher()
                    hasher.combine(Int(bitPattern: UInt(templateKey)))
                    hasher.combine(Int(bitPattern: UInt(siteDigest)))
                    hasher.combine(Int(bitPattern: UInt(keys.ownKey(page))))
                    hasher.combine(job.template)
                    key = hasher.value
                    if let reused = reused(job.path, key: key, cache: cache, in: destination) {
                        return reused
                    }
                }
                var context: [String: TemplateValue]
                var items: [NavigationItem] = []
                if let page = job.page {
                    items = contexts.navigation.navigation(for: page)
                    // Past a few files, links come from values made once for every page.
                    context = contexts.context(
                        forPage: page, navigation: items,
                        sharedLinks: templated >= Self.filesBeforeSeeding)
                } else {
                    // Topic pages, the search page and 404 read only what every page shows of
                    // the others, so the site digest keys them: no context is built to compare.
                    if recording {
                        var hasher = ContextHasher()
                        hasher.combine(Int(bitPattern: UInt(templateKey)))
                        hasher.combine(Int(bitPattern: UInt(siteDigest)))
                        hasher.combine(job.template)
                        hasher.combine(job.path)
                        key = hasher.value
                        if let reused = reused(job.path, key: key, cache: cache, in: destination) {
                            return reused
                        }
                    }
                    context = job.context()
                }
                templated += 1
                if templated == Self.filesBeforeSeeding { memo = seed.value }
                let (chunkLibrary, navigation) =
                    renderers
                    ?? {
                        let own = library.isolatedCopy()
                        return (own, sharedNavigation.rendering(with: own))
                    }()
                renderers = (chunkLibrary, navigation)
                let nav =
                    job.page == nil
                    ? homeNavigation : navigation.checkedHTML(for: items, memo: &memo)
                context["navHTML"] = .string(nav.html)
                let sizeHint =
                    nav.html.utf8.count
                    + (job.page.map { contexts.tree.pages[$0].contentBytes } ?? 0)
                let (bytes, offsets) = chunkLibrary.renderBytes(
                    job.template, context, sizeHint: sizeHint, watching: ["navHTML", "content"])
                let data = Data(bytes)
                let check = destination.checker.check(
                    path: job.path, html: data,
                    origin: job.page.map(destination.origins.origin(page:))
                        ?? destination.origins[job.path],
                    memo: &memo,
                    passingOver: Self.passedOver(
                        nav: nav, body: job.page.map { contexts.tree.pages[$0] }, in: data,
                        at: offsets))
                var failure: String?
                do {
                    try destination.sink.accept(OutputFile(path: job.path, contents: .data(data)))
                } catch {
                    failure = "\(job.path): \(error.localizedDescription)"
                }
                let entry = BuildCache.OutputEntry(
                    key: key, data: destination.keepsData ? data : nil, check: check, stamp: nil)
                return Outcome(entry: entry, rendered: true, failure: failure)
            }
        }
        return collect(
            scheduled, paths: order.map { jobsList[$0].path }, recording: recording)
    }

    /// What a page's link check may pass over: its navigation when inert, and its body when
    /// the body's links and ids are known and its HTML is in memory (a cached page's is read
    /// from the cache only to be written, and is scanned). `offsets` are where the render wrote
    /// `navHTML` and `content`.
    static func passedOver(
        nav: (html: String, isInert: Bool), body page: RenderedPage?, in data: Data,
        at offsets: [[Int]]
    ) -> [OutputLinkChecker.PassedOver] {
        var parts: [OutputLinkChecker.PassedOver] = []
        if nav.isInert, let range = range(of: nav.html, in: data, at: offsets[0]) {
            parts.append(.init(range))
        }
        if let page, page.linksAreKnown, page.storedHTML == nil,
            let range = range(of: page.htmlBytes, in: data, at: offsets[1])
        {
            parts.append(.init(range, ids: page.ids))
        }
        return parts
    }

    /// The range of `data` holding exactly the bytes of `html`, at the first of `offsets` where
    /// they are; nil when they are at none (or `html` is empty).
    static func range(of html: String, in data: Data, at offsets: [Int]) -> Range<Int>? {
        html.withUTF8Bytes { range(of: $0, in: data, at: offsets) }
    }

    /// The range of `data` holding exactly `html`'s bytes, as `range(of:in:at:)` finds it.
    static func range(of html: [UInt8], in data: Data, at offsets: [Int]) -> Range<Int>? {
        html.withUnsafeBufferPointer { range(of: $0, in: data, at: offsets) }
    }

    private static func range(
        of bytes: UnsafeBufferPointer<UInt8>, in data: Data, at offsets: [Int]
    ) -> Range<Int>? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        return data.withUnsafeBytes { output -> Range<Int>? in
            guard let start = output.baseAddress else { return nil }
            for offset in offsets
            where offset >= 0 && offset + bytes.count <= output.count
                && memcmp(start + offset, base, bytes.count) == 0
            {
                return offset..<(offset + bytes.count)
            }
            return nil
        }
    }

    /// How many files a chunk templates with a memo of its own before it takes the seeded one.
    static let filesBeforeSeeding = 4

    /// The order jobs run in (indices into `jobs`, whose first `pageCount` are pages): the
    /// topic pages and other generated files (the largest) first, so no core finishes alone on
    /// one of them. When a page has the path of a generated file, the pages go first as they
    /// always did, so the generated file is the one written last.
    static func schedule(_ jobs: [Job], pageCount: Int) -> [Int] {
        // The few generated paths are looked up, not the many pages' paths gathered.
        let generated = Set(jobs.dropFirst(pageCount).map(\.path))
        guard !jobs.prefix(pageCount).contains(where: { generated.contains($0.path) }) else {
            return Array(jobs.indices)
        }
        return Array(pageCount..<jobs.count) + Array(0..<pageCount)
    }

    /// A hash of the output files links may name: checks of template and raw-HTML links depend
    /// on them, so a file appearing or going away makes every file's check again. Callers leave
    /// out the split search index's versioned files, whose names change with every text edit.
    static func filesKey(_ paths: [String]) -> UInt64 {
        // Each path is hashed alone and the hashes sorted: sorting numbers, not 16,000 strings.
        var each = paths.map { path in
            var hasher = ContextHasher()
            hasher.combine(path)
            return hasher.value
        }
        each.sort()
        var hasher = ContextHasher()
        hasher.combine(paths.count)
        each.withUnsafeBytes { hasher.combine(raw: $0) }
        return hasher.value
    }

    /// What happened to one file.
    private struct Outcome: Sendable {
        var entry: BuildCache.OutputEntry
        var rendered: Bool
        var failure: String?
    }

    /// The cached outcome of `path` when its key is unchanged and the file could be put into
    /// the destination; nil when the file must be rendered.
    private func reused(
        _ path: String, key: UInt64, cache: [String: BuildCache.OutputEntry],
        in destination: Destination
    ) -> Outcome? {
        guard let entry = cache[path], entry.key == key, reuse(entry, path: path, in: destination)
        else { return nil }
        return Outcome(entry: entry, rendered: false, failure: nil)
    }

    /// Puts a cached file into the destination; false when it must be rendered again.
    private func reuse(_ entry: BuildCache.OutputEntry, path: String, in destination: Destination)
        -> Bool
    {
        if let data = entry.data {
            return (try? destination.sink.accept(OutputFile(path: path, contents: .data(data))))
                != nil
        }
        guard let stamp = entry.stamp else { return false }
        return destination.sink.reuse(path, stamp: stamp)
    }

    /// The result of every file's outcome, in any order (`paths` are the files' paths in the
    /// same order): what comes out is keyed or sorted, so no order is kept on the way.
    private func collect(_ outcomes: [Outcome], paths: [String], recording: Bool) -> (
        Result, [Diagnostic]
    ) {
        var entries: [String: BuildCache.OutputEntry] = [:]
        if recording { entries.reserveCapacity(outcomes.count) }
        var checks: [OutputLinkChecker.PageCheck] = []
        checks.reserveCapacity(outcomes.count)
        var (failures, rendered) = ([String](), 0)
        for (path, outcome) in zip(paths, outcomes) {
            if recording { entries[path] = outcome.entry }
            checks.append(outcome.entry.check)
            if let failure = outcome.failure { failures.append(failure) }
            if outcome.rendered { rendered += 1 }
        }
        let diagnostics = failures.sorted().prefix(1).map {
            Diagnostic.error(SourceLocation(path: "(output)"), "cannot write output: \($0)")
        }
        return (Result(checks: checks, entries: entries, rendered: rendered), diagnostics)
    }

    /// A diagnostic for each page naming a template that does not exist.
    private func missingTemplates() -> [Diagnostic] {
        contexts.tree.pages.withUnsafeBufferPointer { pages in
            pages.indices.compactMap { index in
                guard let name = pages[index].page.frontMatter.template, !library.has(name) else {
                    return nil
                }
                let page = pages[index].page
                return .error(
                    SourceLocation(
                        path: page.diagnosticPath, line: page.frontMatter.lines["template"] ?? 0,
                        column: 1), "missing template '\(name)'")
            }
        }
    }

    /// The path of every file the renderer makes.
    var outputPaths: [String] { (pageJobList + extraJobs()).map(\.path) }

    /// One job per page, with the page's template.
    private static func pageJobs(_ tree: SiteTree) -> [Job] {
        // Pages are read in place: copying one retains every reference it holds.
        tree.pages.withUnsafeBufferPointer { pages in
            pages.indices.map { index in
                let template =
                    pages[index].page.frontMatter.template
                    ?? (index == 0 ? "home" : pages[index].page.isSection ? "section" : "page")
                return Job(
                    path: pages[index].page.sitePath + "index.html", template: template,
                    page: index)
            }
        }
    }

    /// One file to template: a page (by tree index) or a context made on demand.
    struct Job: Sendable {
        var path: String
        var template: String
        var page: Int?
        var makeContext: (@Sendable () -> [String: TemplateValue])?

        init(path: String, template: String, page: Int) {
            self.path = path
            self.template = template
            self.page = page
        }

        init(
            path: String, template: String,
            context: @escaping @Sendable () -> [String: TemplateValue]
        ) {
            self.path = path
            self.template = template
            self.makeContext = context
        }

        func context() -> [String: TemplateValue] { makeContext?() ?? [:] }
    }

    /// Topic pages, the search page and `404.html`.
    private func extraJobs() -> [Job] {
        var jobs = [
            Job(path: "topics/index.html", template: "topics") { topicsContext() },
            Job(path: "search/index.html", template: "search") {
                simpleContext("Search", "search/")
            },
            Job(path: "404.html", template: "404") { simpleContext("Page not found", "404.html") },
        ]
        for topic in contexts.topics.topics {
            jobs.append(
                Job(path: "topics/\(topic.slug)/index.html", template: "topic") {
                    topicContext(topic)
                })
        }
        return jobs
    }

    private func topicsContext() -> [String: TemplateValue] {
        let all = contexts.topics.topics.map(contexts.topicLink)
        var context = contexts.common(navigation: contexts.homeNavigation)
        context["page"] = pageValue(title: "Topics", url: contexts.url("topics/"))
        context["topics"] = .list(all)
        context["hasTopics"] = .bool(!all.isEmpty)
        return context
    }

    private func topicContext(_ topic: Topic) -> [String: TemplateValue] {
        var context = contexts.common(navigation: contexts.homeNavigation)
        context["page"] = pageValue(title: topic.title, url: contexts.url("topics/\(topic.slug)/"))
        var value = contexts.topicFields(topic)
        value["pages"] = .list(topic.pages.map(contexts.link))
        context["topic"] = .map(value)
        return context
    }

    private func simpleContext(_ title: String, _ path: String) -> [String: TemplateValue] {
        var context = contexts.common(navigation: contexts.homeNavigation)
        context["page"] = pageValue(title: title, url: contexts.url(path))
        return context
    }

    private func pageValue(title: String, url: String) -> TemplateValue {
        let no = TemplateValue.bool(false)
        let none = TemplateValue.list([])
        return .map([
            "title": .string(title), "summary": .string(""), "url": .string(url),
            "isSection": no, "isHome": no, "toc": none, "hasToc": no, "topics": none,
            "hasTopics": no, "breadcrumbs": none, "hasBreadcrumbs": no, "previous": no,
            "next": no, "related": none, "hasRelated": no, "children": none, "hasChildren": no,
            "editURL": no, "date": no, "updated": no, "canonicalURL": no,
        ])
    }
}
