import SitegenMarkdown

/// The "render Markdown" stage: renders every page on all cores, reusing cached renders whose
/// inputs (the page's text and title fields, the site's page set, options and base URL) are
/// unchanged.
struct MarkdownStage: Sendable {
    /// Markdown options from the config.
    let options: MarkdownOptions
    /// The site's base URL.
    let baseURL: BaseURL
    /// Worker count, or nil for all cores.
    let jobs: Int?

    /// The stage's result.
    struct Result: Sendable {
        var pages: [RenderedPage]
        var entries: [String: BuildCache.MarkdownEntry]
        var rendered: Int
        /// Pages whose body was left on disk and could not be read back: the build must fail
        /// rather than render (and cache) them empty.
        var unreadable: [Page]
    }

    /// Renders `pages`, taking unchanged ones from `cache`; a page whose body was left on disk
    /// gets it from `loadBody` when it must be rendered again. Each body is freed as soon as its
    /// page is rendered (the caller gives the pages up), so bodies and HTML are not all held at
    /// once.
    func render(
        _ pages: consuming [Page], cache: [String: BuildCache.MarkdownEntry],
        recording: Bool = true, loadBody: @Sendable (Page) -> String? = { $0.body }
    ) -> Result {
        var pages = pages
        let bodies = TakenBodies(from: &pages)
        // Made when a page must be rendered: a rebuild may render one page of many, and the
        // resolver's tables cover every page.
        let renderer = OnceValue { [options, baseURL, pages] in
            PageRenderer(options: options, resolver: LinkResolver(pages: pages, baseURL: baseURL))
        }
        let environment = recording ? environmentKey(pages) : 0
        let results = Array(pages.indices).parallelMap(jobs: jobs) {
            [pages] index -> (RenderedPage, UInt64, Bool?) in
            var page = pages[index]
            page.body = bodies.take(index)
            guard recording else { return (renderer.value.render(page).droppingBody(), 0, true) }
            let key = Self.key(page, environment: environment)
            if let entry = cache[page.sitePath], entry.key == key {
                // The body goes before the page does in: one copy of the cached entry, not two.
                page.body = ""
                var reused = entry.page
                reused.page = page
                return (reused, key, false)
            }
            if page.bodyIsOnDisk {
                guard let body = loadBody(page) else {
                    return (renderer.value.render(page).droppingBody(), key, nil)
                }
                page.body = body
                page.bodyIsOnDisk = false
            }
            return (renderer.value.render(page).droppingBody(), key, true)
        }
        var entries: [String: BuildCache.MarkdownEntry] = [:]
        var rendered: [RenderedPage] = []
        rendered.reserveCapacity(results.count)
        if recording { entries.reserveCapacity(results.count) }
        var (renderedCount, unreadable) = (0, [Page]())
        for (page, key, fresh) in results {
            if recording { entries[page.page.sitePath] = .init(key: key, page: page) }
            if fresh != false { renderedCount += 1 }
            if fresh == nil { unreadable.append(page.page) }
            rendered.append(page)
        }
        // The per-page results hold a reference to every page's parts: taken apart elsewhere.
        MemoryRelease.releaseInBackground(consume results)
        return Result(
            pages: rendered, entries: entries, rendered: renderedCount, unreadable: unreadable)
    }

    /// Hash of what every page's rendering reads besides its own text: links resolve against the
    /// whole page set.
    private func environmentKey(_ pages: [Page]) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(baseURL.path)
        hasher.combine(options.smartPunctuation)
        hasher.combine(options.highlightCode)
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                hasher.combine(pages[index].sourcePath ?? "")
                hasher.combine(pages[index].sitePath)
                hasher.combine(pages[index].sectionPath ?? "\u{0}")
            }
        }
        return hasher.value
    }

    private static func key(_ page: Page, environment: UInt64) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(Int(bitPattern: UInt(environment)))
        hasher.combine(page.sourcePath ?? "")
        hasher.combine(Int(bitPattern: UInt(page.bodyHash)))
        hasher.combine(page.bodyLineOffset)
        hasher.combine(page.frontMatter.title ?? "\u{0}")
        hasher.combine(page.frontMatter.summary ?? "\u{0}")
        hasher.combine(page.fallbackTitle)
        return hasher.value
    }
}
