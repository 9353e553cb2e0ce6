import Foundation
import SitegenMarkdown

/// Builds a site: a flat list of named, timed stages, each taking values and returning values.
/// Only loading and writing touch the disk.
public struct SiteBuilder: Sendable {
    /// What to build.
    public let options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site and writes it; throws with every diagnostic when anything fails, leaving
    /// the previous output as it was. Pages stream from templating into a staging folder that
    /// replaces the output only when the whole build succeeded.
    public func build() throws(BuildFailure) -> BuildReport {
        MemoryRelease.configure()
        var runner = StageRunner()
        let writer = OutputWriter(paths: options.paths)
        let store = options.usesCache ? cacheStore() : nil
        let staging = try runner.run("check output") { () -> (StagingOutput?, [Diagnostic]) in
            switch writer.begin(record: store?.outputRecord) {
            case .success(let staging): return (staging, [])
            case .failure(let failure): return (nil, failure.diagnostics)
            }
        }
        guard let staging else { throw BuildFailure(stage: "check output", diagnostics: []) }
        // The content folder is listed and its Markdown files stamped while the cache loads.
        let listing = store.map { _ in
            BackgroundTask(inline: options.jobs == 1) { [options] in
                ContentLoader(directory: options.paths.content).list(stamping: true)
            }
        }
        // The rendered pages are saved on a thread of its own while pages are templated.
        var pendingSave: BuildCacheStore.PendingSave?
        do {
            // A cache this build can use makes it a rebuild, which keeps freed memory for its
            // next stage, from the load on.
            let rebuilding = store?.hasFittingCache() ?? false
            if rebuilding { MemoryRelease.keepFreedMemory() }
            // A full build frees as it goes, to keep its peak down; a rebuild, a third the size,
            // leaves its garbage to the exit.
            if rebuilding && options.exitsAfterBuild { MemoryRelease.keepValuesUntilExit() }
            var cache = try runner.run("load cache") { store?.load() ?? BuildCache.disabled }
            staging.expect(files: cache.outputs.count + 64)
            let summary = try generate(
                &runner, cache: &cache, sink: staging, keepsData: false,
                keepsFreedMemory: rebuilding, listing: listing,
                rendered: { rendered in
                    pendingSave = store?.beginSave(rendered, inline: options.jobs == 1)
                },
                afterTemplating: { templated in
                    // Every templated file is written: the rest of the save can go on beside.
                    if let store, let pending = pendingSave {
                        pendingSave = store.continueSave(
                            pending, templated, stamps: staging.stamps, inline: options.jobs == 1)
                    }
                })
            try runner.run(staging.updatesInPlace ? BuildFailure.updateStage : "swap output") {
                ((), writer.commit(staging))
            }
            if let store, let pendingSave {
                runner.counts.cacheSectionsKept = try runner.run("save cache") {
                    store.finishSave(pendingSave, cache)
                }
            }
            MemoryRelease.releaseInBackground(consume cache)
            try runner.run("remove old output") { OutputWriter.finishRemovals() }
            // So are the staging's tables of every file and folder and the content listing (a
            // rebuild keeps them).
            MemoryRelease.releaseInBackground(staging)
            if let listing { MemoryRelease.releaseInBackground(listing) }
            return report(runner, summary: summary, files: [])
        } catch {
            if let store, let pendingSave { store.abandonSave(pendingSave) }
            staging.discard()
            throw error
        }
    }

    private func cacheStore() -> BuildCacheStore {
        BuildCacheStore(
            options: options,
            configBytes: FileManager.default.contents(atPath: options.paths.config.path))
    }

    /// Builds the site in memory without writing anything.
    public func generate() throws(BuildFailure) -> BuildReport {
        var cache = BuildCache()
        return try generate(cache: &cache)
    }

    /// Builds in memory, reusing and then updating `cache`: only results whose inputs changed
    /// are computed again. The files equal those of a build without a cache.
    public func generate(cache: inout BuildCache) throws(BuildFailure) -> BuildReport {
        var runner = StageRunner()
        let memory = MemoryOutput()
        let summary = try generate(&runner, cache: &cache, sink: memory, keepsData: true)
        return report(runner, summary: summary, files: memory.files)
    }

    /// Counts of what a build produced.
    private struct Summary {
        var pageCount: Int
        var fileCount: Int
    }

    private func report(_ runner: StageRunner, summary: Summary, files: [OutputFile])
        -> BuildReport
    {
        BuildReport(
            pageCount: summary.pageCount, fileCount: summary.fileCount,
            files: files, diagnostics: runner.diagnostics.sorted, timings: runner.timings,
            counts: runner.counts)
    }

    /// What applying templates needs beside the templates.
    private struct TemplatingSetup {
        var renderer: SiteRenderer
        var outputPaths: [String]
        var origins: OriginTable
        var checker: OutputLinkChecker
        var linkable: [String]
    }

    /// Runs every stage from loading the config to checking the output; `rendered` sees the
    /// cache once the Markdown is rendered, `afterTemplating` once every page file is made.
    private func generate(
        _ runner: inout StageRunner, cache: inout BuildCache, sink: any OutputSink, keepsData: Bool,
        keepsFreedMemory: Bool = false, listing: BackgroundTask<ContentLoader.Listing>? = nil,
        rendered: (BuildCache) -> Void = { _ in },
        afterTemplating: (BuildCache) -> Void = { _ in }
    ) throws(BuildFailure) -> Summary {
        let began = SourceStamp.now()
        let searchFile = cache.isRecording ? cache.searchFile : nil
        // The split index's cached chunk scans and term entries are read on a thread of their
        // own meanwhile.
        let scanLoad = searchFile.map { file in
            BackgroundTask(inline: options.jobs == 1) {
                (
                    file.load(), file.loadTerms(), file.loadGroups(),
                    file.loadGroups(shards: true), file.loadPostings()
                )
            }
        }
        let config = try runner.run("load config") { loadConfig() }
        var (tree, topics, contentAssets, pageURLsTask) = try buildTree(
            &runner, config: config, cache: &cache, listing: listing,
            keepsFreedMemory: keepsFreedMemory)
        cache.startedAt = began
        rendered(cache)
        // The search and topic indexes are built on another thread while pages are templated;
        // only their fixed paths are needed before then (the split index's versioned files
        // are named after their content, and no page links to them).
        let indexes = Self.fixedIndexPaths(split: config.searchSplit.applies(to: tree))
        let searchCache = cache.isRecording ? cache.search : nil
        let termCache = cache.isRecording ? cache.searchTerms : nil
        // Taken before the search text is, so that no copy of the tree is left to copy on write.
        let pageURLs = pageURLsTask.take()
        let searchText = tree.takeSearchText()
        let indexTask = BackgroundTask(inline: options.jobs == 1) {
            [tree, topics, config, pageURLs, self] in
            let start = DispatchTime.now().uptimeNanoseconds
            let loaded = scanLoad?.value()
            let written = buildIndexes(
                tree: tree, text: searchText, topics: topics, pageURLs: pageURLs, config: config,
                sink: sink,
                cache: loaded?.0 ?? searchCache, terms: loaded?.1 ?? termCache,
                blocks: loaded?.2 ?? [:], shards: loaded?.3 ?? [:], postings: loaded?.4,
                file: searchFile)
            return (written, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        // A failing stage must not leave the task writing into a staging folder being discarded,
        // nor its scans into the cache folder.
        defer {
            _ = indexTask.value().0.scanWrite?.value()
            _ = indexTask.value().0.termWrite?.value()
            _ = indexTask.value().0.postingsWrite?.value()
        }
        // Related pages are found once the search index (which does not need them) has begun,
        // or taken from the cache when no page's topics changed.
        runner.counts.pagesRelated = try runner.run("relate pages") { () -> (Int, [Diagnostic]) in
            (relatePages(&topics, config: config, cache: &cache), [])
        }
        // What every page shows of the others, for the templated files' keys, is hashed
        // beside the stages up to templating.
        let pagesDigest =
            cache.isRecording
            ? BackgroundTask(inline: options.jobs == 1) { [tree, topics] in
                PageKeys.pagesDigest(tree: tree, topics: topics)
            } : nil
        let theme = try runner.run("load templates") {
            ThemeFiles.load(overrides: options.paths.templates, sitePaths: options.paths)
        }
        let assets = try runner.run("copy assets") { collectAssets(theme, content: contentAssets) }
        runner.counts.pagesLinkChecked = try runner.run("check links") {
            checkLinks(
                tree, otherFiles: indexes + assets.files.map(\.path), topics: topics,
                cache: &cache)
        }
        // The sitemap, feed and redirects, or the last build's when nothing they show changed.
        let publisher = Publisher(config: config, taken: indexes + assets.files.map(\.path))
        let published = try runner.run("publish") {
            publisher.publish(tree, cache: cache.isRecording ? cache.outputs : nil)
        }
        let library = try runner.run("compile templates") {
            TemplateLibrary.compile(theme, fastPath: options.compilesTemplates)
        }
        let otherPaths = assets.files.map(\.path) + published.paths
        let setup = try runner.run("prepare contexts") { () -> TemplatingSetup in
            let contexts = PageContextBuilder(
                config: config, tree: tree, topics: topics, assets: assets.names,
                hasFeed: published.paths.contains("feed.xml"), pageURLs: pageURLs)
            let renderer = SiteRenderer(library: library, contexts: contexts, jobs: options.jobs)
            let outputPaths = renderer.outputPaths
            let checker = OutputLinkChecker(
                baseURL: config.baseURL,
                existing: Set(outputPaths + indexes + otherPaths))
            let linkable =
                outputPaths + otherPaths
                + indexes.filter { !SplitSearchIndexBuilder.isVersioned($0) }
            return TemplatingSetup(
                renderer: renderer, outputPaths: outputPaths,
                origins: OriginTable(tree: tree, content: options.paths.content.path),
                checker: checker, linkable: linkable)
        }
        let (renderer, outputPaths, origins, checker, linkable) = (
            setup.renderer, setup.outputPaths, setup.origins, setup.checker, setup.linkable
        )
        let previous = cache
        var digestOfPages: (@Sendable () -> UInt64)?
        if let pagesDigest { digestOfPages = { pagesDigest.value() } }
        let templated = try runner.run("apply templates") {
            renderer.render(
                into: .init(
                    sink: sink, checker: checker, origins: origins, keepsData: keepsData,
                    filesKey: SiteRenderer.filesKey(linkable),
                    pagesDigest: digestOfPages),
                cache: previous.outputs, recording: previous.isRecording)
        }
        cache.outputs = templated.entries
        // The other files are written, or kept, before the save goes on with the stamps the
        // output gave them; the published ones are kept in the cache beside the pages.
        let others = try runner.run("write") {
            var (written, problems) = writeOthers(
                assets: assets.files, published: published, publisher: publisher, tree: tree,
                into: sink, checker: checker, origins: origins, keepsData: keepsData)
            let (topicsEntry, topicsKept, topicsProblems) = writeTopics(
                topics, pageURLs: pageURLs, into: sink,
                previous: previous.isRecording ? previous.outputs[TopicSummary.path] : nil,
                keepsData: keepsData)
            written.entries[TopicSummary.path] = topicsEntry
            if topicsKept { written.kept += 1 }
            return (written, problems + topicsProblems)
        }
        let (otherChecks, publishedEntries) = (others.checks, others.entries)
        if cache.isRecording {
            cache.outputs.merge(publishedEntries) { _, published in published }
        }
        runner.counts.publishedKept = others.kept
        // The entries they replace (the last reference is `previous`) are freed beside.
        MemoryRelease.releaseInBackground(consume previous)
        runner.counts.templated = templated.rendered
        afterTemplating(cache)
        // Every link is checked while the search index may still be building.
        try runner.run("check output links") {
            ((), checker.finish(templated.checks + otherChecks, origins: origins))
        }
        let (indexWrite, indexSeconds) = try runner.run("wait for search index") {
            indexTask.value()
        }
        try runner.record(
            "build search index", seconds: indexSeconds,
            diagnostics: indexWrite.problems)
        let indexFiles = indexWrite.count
        if cache.isRecording {
            cache.search = indexWrite.scans
            cache.searchTerms = indexWrite.terms
        }
        runner.counts.searchChunks = indexWrite.chunks
        runner.counts.searchChunksTokenised = indexWrite.chunksTokenised
        runner.counts.searchTerms = indexWrite.termCount
        runner.counts.searchTermsEncoded = indexWrite.termsEncoded
        runner.counts.searchBlocks = indexWrite.blocks
        runner.counts.searchBlocksEncoded = indexWrite.blocksEncoded
        runner.counts.searchShards = indexWrite.shards
        runner.counts.searchShardsEncoded = indexWrite.shardsEncoded
        runner.counts.searchPostingsPatched = indexWrite.postingsPatched
        if !keepsFreedMemory {
            try runner.run("return freed memory") {
                MemoryRelease.returnFreedMemory(); return ((), [])
            }
        }
        let cacheWrites = [indexWrite.scanWrite, indexWrite.termWrite, indexWrite.postingsWrite]
        if cacheWrites.contains(where: { $0 != nil }) {
            _ = try runner.run("wait for search cache") {
                (cacheWrites.allSatisfy { $0?.value() ?? true }, [])
            }
        }
        if options.strict, runner.diagnostics.warningCount > 0 {
            throw BuildFailure(stage: "strict", diagnostics: runner.diagnostics.sorted)
        }
        let summary = Summary(
            pageCount: tree.pages.count,
            // The last one is topics.json.
            fileCount: outputPaths.count + indexFiles + otherPaths.count + 1)
        // Taking the site apart (millions of small allocations) is left to another thread: a
        // one-shot build exits before it matters.
        MemoryRelease.releaseInBackground(
            [tree, topics, renderer, origins, checker, templated, published] as [any Sendable])
        // So are the cached search scans and 42,000 term entries the index was built from.
        if let scanLoad { MemoryRelease.releaseInBackground(scanLoad.take()) }
        return summary
    }

    /// Fills in each page's related pages, from the cache when every page's topics are as
    /// they were; returns how many pages had them found anew.
    private func relatePages(
        _ topics: inout TopicIndex, config: SiteConfig, cache: inout BuildCache
    )
        -> Int
    {
        let builder = TopicIndexBuilder(config: config)
        guard cache.isRecording else {
            builder.relate(&topics)
            return topics.pageTopics.count
        }
        let key = builder.relatedKey(topics)
        if let cached = cache.related, cached.key == key,
            cached.pages.count == topics.pageTopics.count
        {
            topics.related = cached.pages
            return 0
        }
        builder.relate(&topics)
        cache.related = (key, topics.related)
        return topics.pageTopics.count
    }

    /// Loads and renders the content into the site tree and its topic index.
    private func buildTree(
        _ runner: inout StageRunner, config: SiteConfig, cache: inout BuildCache,
        listing: BackgroundTask<ContentLoader.Listing>?, keepsFreedMemory: Bool
    ) throws(BuildFailure) -> (SiteTree, TopicIndex, [AssetFile], BackgroundTask<[String]>) {
        let (rendered, contentAssets) = try renderPages(
            &runner, config: config, cache: &cache, listing: listing)
        if !keepsFreedMemory {
            try runner.run("return freed memory") {
                MemoryRelease.returnFreedMemory(); return ((), [])
            }
        }
        let tree = try runner.run("build navigation") { SiteTree(pages: rendered) }
        // Each page's URL (made once, for its search documents, the topics listing it and the
        // templates) is made beside the topic index, which does not need them.
        let pageURLs = BackgroundTask(inline: options.jobs == 1) { [tree, config] in
            SearchIndexBuilder(baseURL: config.baseURL).pageURLs(tree)
        }
        let topics = try runner.run("build topic index") {
            TopicIndexBuilder(config: config).build(tree, relating: false)
        }
        return (tree, topics, contentAssets, pageURLs)
    }

    /// Loads, collects and renders the pages; sources are freed once the pages are collected,
    /// and each body once its page is rendered (the rendered pages keep no Markdown).
    private func renderPages(
        _ runner: inout StageRunner, config: SiteConfig, cache: inout BuildCache,
        listing: BackgroundTask<ContentLoader.Listing>?
    ) throws(BuildFailure) -> ([RenderedPage], [AssetFile]) {
        var (pages, contentAssets) = try loadPages(&runner, cache: &cache, listing: listing)
        let previous = cache
        let content = options.paths.content.path
        let markdown = try runner.run("render Markdown") {
            () -> (MarkdownStage.Result, [Diagnostic]) in
            // The stage is given the only reference to the pages, so it frees each body once
            // the page is rendered.
            var given: [Page] = []
            swap(&given, &pages)
            let result = MarkdownStage(
                options: config.markdown, baseURL: config.baseURL, jobs: options.jobs
            ).render(consume given, cache: previous.markdown, recording: previous.isRecording) {
                Self.readBody(of: $0, in: content)
            }
            let problems = result.unreadable.map {
                Diagnostic.error(SourceLocation(path: $0.diagnosticPath), "cannot read file")
            }
            return (result, problems)
        }
        // The entries they replace are freed on a thread of their own.
        let replaced = cache.markdown
        cache.markdown = markdown.entries
        MemoryRelease.releaseInBackground(consume replaced)
        runner.counts.markdownRendered = markdown.rendered
        return (markdown.pages, contentAssets)
    }

    /// Loads the content and collects its pages; the files' whole texts are freed on return,
    /// as the pages hold their bodies. With a recording cache, files unchanged since it was made
    /// are not read: their cached parse stands for them, and their bodies stay on disk.
    /// `listing`, when given, is the content folder listed and stamped ahead of time.
    private func loadPages(
        _ runner: inout StageRunner, cache: inout BuildCache,
        listing: BackgroundTask<ContentLoader.Listing>?
    ) throws(BuildFailure) -> ([Page], [AssetFile]) {
        let memo =
            cache.isRecording
            ? ContentLoader.Memo(sources: cache.sources, startedAt: cache.startedAt) : nil
        let content = try runner.run("load content") {
            loadContent(reusing: memo, listing: memo == nil ? nil : listing?.value())
        }
        let collected = try runner.run("collect pages") {
            () -> (PageCollector.Collected, [Diagnostic]) in
            let collected = PageCollector(includeDrafts: options.includeDrafts, jobs: options.jobs)
                .collectRecording(content.sources)
            return (collected, collected.diagnostics)
        }
        // Sources are read in place: copying one retains its whole cached parse.
        runner.counts.sourcesRead = content.sources.withUnsafeBufferPointer { sources in
            sources.indices.filter { sources[$0].cached == nil }.count
        }
        if cache.isRecording {
            // The parses they replace are freed on a thread of their own.
            let replaced = cache.sources
            cache.sources = collected.parses
            MemoryRelease.releaseInBackground(consume replaced)
        }
        let assets = content.assets
        // Every source holds its cached parse: taken apart on a thread of its own too.
        MemoryRelease.releaseInBackground(consume content)
        return (collected.pages, assets)
    }

    /// The body of a page whose file was left unread, read now; nil when it cannot be.
    static func readBody(of page: Page, in content: String) -> String? {
        guard let source = page.sourcePath,
            let bytes = POSIXFile.read(content + "/" + source),
            let text = String(validating: bytes, as: UTF8.self)
        else { return nil }
        return FrontMatterParser(path: "content/" + source).split(text).0.body
    }

    /// Puts the assets and the published files into the sink, keeping the published files the
    /// output already has when `published` kept the last build's entries (all of them made
    /// again when one was changed by hand); returns the checks of the HTML ones and each
    /// published file's cache entry.
    private func writeOthers(
        assets: [OutputFile], published: Publisher.Published, publisher: Publisher,
        tree: SiteTree, into sink: any OutputSink, checker: OutputLinkChecker,
        origins: OriginTable, keepsData: Bool
    ) -> (
        (
            checks: [OutputLinkChecker.PageCheck], entries: [String: BuildCache.OutputEntry],
            kept: Int
        ),
        [Diagnostic]
    ) {
        var files = assets + published.files
        var kept = published.kept
        let stands = kept.allSatisfy { path, entry in Self.keep(entry, at: path, in: sink) }
        if !stands {
            kept = [:]
            files += publisher.files(tree).0
        }
        let (checks, problems) = writeOthers(files, into: sink, checker: checker, origins: origins)
        let checked = Dictionary(checks.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        var entries = kept
        for file in files.dropFirst(assets.count) {
            var data: Data?
            if keepsData, case .data(let bytes) = file.contents { data = bytes }
            let check =
                checked[file.path]
                ?? OutputLinkChecker.PageCheck(
                    path: file.path, ids: [], diagnostics: [], deferred: [])
            entries[file.path] = BuildCache.OutputEntry(
                key: published.key, data: data, check: check, stamp: nil)
        }
        // A kept page's check stands for scanning it again, as a kept template's does.
        let keptChecks = kept.filter { $0.key.hasSuffix(".html") }.map(\.value.check)
        return ((checks + keptChecks, entries, kept.count), problems)
    }

    /// Keeps the last build's file at `path` as `entry` recorded it: its bytes put into the
    /// sink again (in memory), or the output's file while it has the recorded stamp; false when
    /// neither stands.
    private static func keep(
        _ entry: BuildCache.OutputEntry, at path: String, in sink: any OutputSink
    ) -> Bool {
        if let data = entry.data {
            return (try? sink.accept(OutputFile(path: path, contents: .data(data)))) != nil
        }
        return entry.stamp.map { sink.reuse(path, stamp: $0) } ?? false
    }

    /// Puts `topics.json` into the sink, or keeps the output's when `previous` (the last
    /// build's entry for it) has the key of what it shows; returns its entry and whether it
    /// was kept.
    private func writeTopics(
        _ topics: TopicIndex, pageURLs: [String], into sink: any OutputSink,
        previous: BuildCache.OutputEntry?, keepsData: Bool
    ) -> (BuildCache.OutputEntry, Bool, [Diagnostic]) {
        let summaries = TopicSummary.summaries(topics, pageURLs: pageURLs)
        let key = TopicSummary.key(summaries)
        if let previous, previous.key == key, Self.keep(previous, at: TopicSummary.path, in: sink) {
            return (previous, true, [])
        }
        let data = TopicSummary.encode(summaries)
        let file = OutputFile(path: TopicSummary.path, contents: .data(data))
        let problems = writeOthers([file], into: sink, checker: nil, origins: .empty).1
        let check = OutputLinkChecker.PageCheck(
            path: TopicSummary.path, ids: [], diagnostics: [], deferred: [])
        return (
            BuildCache.OutputEntry(
                key: key, data: keepsData ? data : nil, check: check, stamp: nil), false,
            problems
        )
    }

    /// Puts the files that are not templated into the sink; checks the HTML ones among them.
    private func writeOthers(
        _ files: [OutputFile], into sink: any OutputSink, checker: OutputLinkChecker?,
        origins: OriginTable
    ) -> ([OutputLinkChecker.PageCheck], [Diagnostic]) {
        let results = files.parallelMap(jobs: options.jobs) {
            file -> (OutputLinkChecker.PageCheck?, String?) in
            var memo = LinkMemo()
            var check: OutputLinkChecker.PageCheck?
            if let checker, file.path.hasSuffix(".html"), case .data(let data) = file.contents {
                check = checker.check(
                    path: file.path, html: data, origin: origins[file.path], memo: &memo)
            }
            do {
                try sink.accept(file)
                return (check, nil)
            } catch {
                return (check, "\(file.path): \(error.localizedDescription)")
            }
        }
        let failure = results.compactMap(\.1).sorted().first.map {
            Diagnostic.error(
                SourceLocation(path: options.paths.output.path), "cannot write output: \($0)")
        }
        return (results.compactMap(\.0), failure.map { [$0] } ?? [])
    }

    private func loadConfig() -> (SiteConfig, [Diagnostic]) {
        let path = options.paths.config.path
        var (config, diagnostics) = (SiteConfig(), [Diagnostic]())
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                return (config, [.error(SourceLocation(path: "sitegen.yml"), "cannot read file")])
            }
            (config, diagnostics) = SiteConfigLoader().decode(String(decoding: data, as: UTF8.self))
        }
        if let override = options.baseURL { config.baseURL = BaseURL(override) }
        return (config, diagnostics)
    }

    private func loadContent(reusing memo: ContentLoader.Memo?, listing: ContentLoader.Listing?)
        -> (ContentLoader.Result, [Diagnostic])
    {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(
            atPath: options.paths.content.path, isDirectory: &isFolder)
        guard exists && isFolder.boolValue else {
            let empty = ContentLoader.Result(sources: [], assets: [], diagnostics: [])
            let problem = Diagnostic.error(
                SourceLocation(path: options.paths.content.path),
                "no content/ folder: is \(options.paths.root.path) a site root? (use --source)")
            return (empty, [problem])
        }
        let loader = ContentLoader(directory: options.paths.content)
        let content = listing.map { loader.load($0, reusing: memo) } ?? loader.load(reusing: memo)
        return (content, content.diagnostics)
    }

    /// The index files whose paths do not depend on their content.
    static func fixedIndexPaths(split: Bool) -> [String] {
        [split ? "search/manifest.json" : "search.json", "topics.json"]
    }

    /// What building the indexes wrote, and the split index's chunk scans for the cache.
    private struct IndexWrite: Sendable {
        var count = 0
        var problems: [Diagnostic] = []
        var scans: [UInt64: SearchChunkScan] = [:]
        var chunks = 0
        var chunksTokenised = 0
        /// The chunk scans being written to the cache's pending file, beside the index files.
        var scanWrite: BackgroundTask<Bool>?
        /// The terms' encoded entries, kept for builds in memory or being written to disk.
        var terms: [UInt64: TermEntryEncoder.Encoded] = [:]
        var termWrite: BackgroundTask<Bool>?
        var termCount = 0
        var termsEncoded = 0
        /// Blocks of document files, and how many of them were encoded rather than kept.
        var blocks = 0
        var blocksEncoded = 0
        /// Shards of term files, and how many of them were encoded rather than kept.
        var shards = 0
        var shardsEncoded = 0
        /// Whether the chunks' postings were patched from the last build's, and their write.
        var postingsPatched = false
        var postingsWrite: BackgroundTask<Bool>?
    }

    /// Builds the search and topic indexes and puts each part into the sink as soon as it is
    /// made, so the large files are not held together. With a `cache` (the previous build's
    /// chunk scans), only changed chunks are tokenised, and with `terms` (its encoded term
    /// entries) only terms whose occurrences changed are encoded; the new scans and entries go
    /// to `file` when there is one, or are returned. With a `file`, blocks of document files
    /// whose key is in `blocks` (the previous build's) and that the output still has are kept.
    private func buildIndexes(
        tree: SiteTree, text: [[SearchSection]], topics: TopicIndex, pageURLs: [String],
        config: SiteConfig, sink: any OutputSink, cache: [UInt64: SearchChunkScan]?,
        terms: [UInt64: TermEntryEncoder.Encoded]?,
        blocks: [UInt64: SplitSearchIndexBuilder.FileGroup],
        shards: [UInt64: SplitSearchIndexBuilder.FileGroup], postings: MergedPostings?,
        file: SearchScanFile?
    ) -> IndexWrite {
        var written = IndexWrite()
        func write(_ files: [OutputFile]) {
            written.count += files.count
            written.problems += writeOthers(files, into: sink, checker: nil, origins: .empty).1
        }
        written.postingsPatched = postings != nil
        let search = SearchIndexBuilder(baseURL: config.baseURL)
        let entries = search.entries(tree: tree, text: text, topics: topics, pageURLs: pageURLs)
        // A large site gets the split index instead of one search.json that no page would load.
        if config.searchSplit.applies(to: tree) {
            let docBlocks = SplitSearchIndexBuilder.FileGroups(
                records: file != nil, previous: blocks, keep: { sink.keep($0, size: $1) },
                made: { made, encoded, kept in
                    (written.blocks, written.blocksEncoded) = (made.count, encoded)
                    written.count += kept
                    if let file { file.writeGroups(made) }
                })
            let shardGroups = SplitSearchIndexBuilder.FileGroups(
                records: file != nil, previous: shards, keep: { sink.keep($0, size: $1) },
                made: { made, encoded, kept in
                    (written.shards, written.shardsEncoded) = (made.count, encoded)
                    written.count += kept
                    if let file { file.writeGroups(made, shards: true) }
                })
            let files = SplitSearchIndexBuilder(jobs: options.jobs).files(
                entries: entries, sectionCounts: text.map { $0.count },
                previous: cache ?? [:], previousTerms: terms, blocks: docBlocks,
                shardGroups: shardGroups, postings: postings,
                merged: file.map { file in
                    { merged in
                        // Every chunk was merged: these postings are the next builds' base.
                        written.postingsPatched = false
                        written.postingsWrite = BackgroundTask(inline: options.jobs == 1) {
                            file.writePostings(merged)
                        }
                    }
                }
            ) { scans, kept in
                written.chunks = scans.count
                written.chunksTokenised = scans.filter { cache?[$0.key] == nil }.count
                if let file {
                    let stored = cache.map { Set($0.keys) } ?? []
                    written.scanWrite = BackgroundTask(inline: options.jobs == 1) {
                        file.write(scans + kept, stored: stored)
                    }
                } else if cache != nil {
                    written.scans = Dictionary(
                        scans.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
                }
            } encodedTerms: { encoded in
                written.termCount = encoded.entries.count
                written.termsEncoded = encoded.encodedAnew
                if let file {
                    written.termWrite = BackgroundTask(inline: options.jobs == 1) {
                        file.writeTerms(encoded)
                    }
                } else if terms != nil {
                    written.terms = Dictionary(
                        zip(encoded.keys, encoded.entries), uniquingKeysWith: { first, _ in first })
                }
            }
            write(files)
        } else {
            write([
                OutputFile(path: "search.json", contents: .data(SearchIndexBuilder.encode(entries)))
            ])
        }
        return written
    }

    private func collectAssets(_ themeFiles: ThemeFiles, content assets: [AssetFile]) -> (
        files: [OutputFile], names: [String: String]
    ) {
        let theme = AssetFingerprinter(assets: themeFiles.assets)
        let content = assets.map {
            OutputFile(path: $0.path, contents: .copy($0.source))
        }
        return (theme.files + content, theme.names)
    }

    /// Checks the Markdown links, or takes the last build's warnings when the check's input
    /// is unchanged; returns the warnings and how many pages were checked.
    private func checkLinks(
        _ tree: SiteTree, otherFiles: [String], topics: TopicIndex, cache: inout BuildCache
    ) -> (Int, [Diagnostic]) {
        var files = Set(otherFiles)
        files.formUnion(["search/index.html", "404.html", "topics/index.html"])
        for topic in topics.topics { files.insert("topics/\(topic.slug)/index.html") }
        guard cache.isRecording else {
            return (tree.pages.count, LinkChecker(tree: tree, otherFiles: files).check(tree))
        }
        let key = LinkChecker.key(tree, otherFiles: files)
        if let known = cache.linkCheck, known.key == key { return (0, known.diagnostics) }
        let warnings = LinkChecker(tree: tree, otherFiles: files).check(tree)
        cache.linkCheck = (key, warnings)
        return (tree.pages.count, warnings)
    }
}
