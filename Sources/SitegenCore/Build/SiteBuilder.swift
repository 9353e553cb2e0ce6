import Foundation

/// Builds a site: a flat list of named, timed stages, each taking values and returning values.
/// Only loading and writing touch the disk.
public struct SiteBuilder: Sendable {
    /// What to build.
    public let options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site and writes it; throws with every diagnostic when anything fails.
    public func build() throws(BuildFailure) -> BuildReport {
        var runner = StageRunner()
        _ = try runner.run("check output") {
            ((), OutputWriter(paths: options.paths).checkOutputFolder())
        }
        var cache = BuildCache.disabled
        let (files, pageCount) = try generate(&runner, cache: &cache)
        try runner.run("write") {
            ((), OutputWriter(paths: options.paths, jobs: options.jobs).write(files))
        }
        return report(runner, files: files, pageCount: pageCount)
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
        let (files, pageCount) = try generate(&runner, cache: &cache)
        return report(runner, files: files, pageCount: pageCount)
    }

    private func report(_ runner: StageRunner, files: [OutputFile], pageCount: Int) -> BuildReport {
        BuildReport(
            pageCount: pageCount,
            files: files, diagnostics: runner.diagnostics.sorted, timings: runner.timings,
            counts: runner.counts)
    }

    private func generate(_ runner: inout StageRunner, cache: inout BuildCache) throws(BuildFailure)
        -> ([OutputFile], Int)
    {
        let config = try runner.run("load config") { loadConfig() }
        let input = try runner.run("load content") { loadContent() }
        let pages = try runner.run("collect pages") {
            PageCollector(includeDrafts: options.includeDrafts, jobs: options.jobs).collect(
                input.content.sources)
        }
        let previous = cache
        let markdown = try runner.run("render Markdown") {
            MarkdownStage(options: config.markdown, baseURL: config.baseURL, jobs: options.jobs)
                .render(pages, cache: previous.markdown, recording: previous.isRecording)
        }
        cache.markdown = markdown.entries
        runner.counts.markdownRendered = markdown.rendered
        let rendered = markdown.pages
        let tree = try runner.run("build navigation") { SiteTree(pages: rendered) }
        let topics = try runner.run("build topic index") {
            TopicIndexBuilder(config: config).build(tree)
        }
        let indexes = try runner.run("build search index") {
            buildIndexes(tree: tree, topics: topics, config: config)
        }
        let assets = try runner.run("copy assets") { collectAssets(input) }
        try runner.run("check links") {
            ((), checkLinks(tree, otherFiles: indexes + assets.files, topics: topics))
        }
        let published = try runner.run("publish") {
            publish(tree: tree, config: config, taken: indexes + assets.files)
        }
        let library = try runner.run("compile templates") { TemplateLibrary.compile(input.theme) }
        let templated = try runner.run("apply templates") {
            SiteRenderer(
                library: library,
                contexts: PageContextBuilder(
                    config: config, tree: tree, topics: topics, assets: assets.names,
                    hasFeed: published.contains { $0.path == "feed.xml" }),
                jobs: options.jobs
            ).render(cache: previous.outputs, recording: previous.isRecording)
        }
        cache.outputs = templated.entries
        runner.counts.templated = templated.rendered
        let pagesOut = templated.files
        let all = (pagesOut + indexes + assets.files + published).sorted { $0.path < $1.path }
        try runner.run("check output links") {
            (
                (),
                OutputLinkChecker(baseURL: config.baseURL, jobs: options.jobs).check(
                    all, origins: origins(tree))
            )
        }
        if options.strict, runner.diagnostics.warningCount > 0 {
            throw BuildFailure(stage: "strict", diagnostics: runner.diagnostics.sorted)
        }
        return (all, tree.pages.count)
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

    private func loadContent() -> (LoadedInput, [Diagnostic]) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(
            atPath: options.paths.content.path, isDirectory: &isFolder)
        guard exists && isFolder.boolValue else {
            let empty = ContentLoader.Result(sources: [], assets: [], diagnostics: [])
            let problem = Diagnostic.error(
                SourceLocation(path: options.paths.content.path),
                "no content/ folder: is \(options.paths.root.path) a site root? (use --source)")
            return (LoadedInput(content: empty, theme: ThemeFiles()), [problem])
        }
        let content = ContentLoader(directory: options.paths.content).load()
        let theme = ThemeFiles.load(overrides: options.paths.templates, sitePaths: options.paths)
        return (LoadedInput(content: content, theme: theme), content.diagnostics)
    }

    private func buildIndexes(tree: SiteTree, topics: TopicIndex, config: SiteConfig)
        -> [OutputFile]
    {
        let search = SearchIndexBuilder(baseURL: config.baseURL)
        let entries = search.entries(tree: tree, topics: topics)
        let topicList = topics.topics.map { topic in
            TopicSummary(
                slug: topic.slug, title: topic.title, description: topic.description,
                count: topic.pages.count,
                pages: topic.pages.map {
                    config.baseURL.link(LinkResolver.encode(tree.pages[$0].page.sitePath))
                })
        }
        var files = [
            OutputFile(path: "search.json", contents: .data(SearchIndexBuilder.encode(entries))),
            OutputFile(path: "topics.json", contents: .data(SearchIndexBuilder.encode(topicList))),
        ]
        if config.searchSplit.applies(to: tree) {
            files += SplitSearchIndexBuilder(jobs: options.jobs).files(
                entries: entries, sectionCounts: tree.pages.map(\.sections.count))
        }
        return files
    }

    private func collectAssets(_ input: LoadedInput) -> (
        files: [OutputFile], names: [String: String]
    ) {
        let theme = AssetFingerprinter(assets: input.theme.assets)
        let content = input.content.assets.map {
            OutputFile(path: $0.path, contents: .copy($0.source))
        }
        return (theme.files + content, theme.names)
    }

    private func publish(tree: SiteTree, config: SiteConfig, taken: [OutputFile]) -> (
        [OutputFile], [Diagnostic]
    ) {
        var taken = Set(taken.map(\.path))
        for page in tree.pages { taken.insert(page.page.sitePath + "index.html") }
        var (files, diagnostics) = RedirectBuilder(baseURL: config.baseURL).redirects(
            tree, taken: taken)
        guard config.baseURL.isAbsolute else {
            diagnostics.append(
                .warning(
                    SourceLocation(path: "sitegen.yml"),
                    "baseURL '\(config.baseURL.path)' has no scheme and host: sitemap.xml, robots.txt, feed.xml, canonical URLs and Open Graph tags are left out"
                ))
            return (files, diagnostics)
        }
        let sitemap = SitemapBuilder(baseURL: config.baseURL)
        files.append(OutputFile(path: "sitemap.xml", contents: .data(sitemap.sitemap(tree))))
        files.append(OutputFile(path: "robots.txt", contents: .data(sitemap.robots())))
        if let feed = FeedBuilder(config: config).feed(tree) {
            files.append(OutputFile(path: "feed.xml", contents: .data(feed)))
        }
        return (files, diagnostics)
    }

    private func origins(_ tree: SiteTree) -> [String: OutputLinkChecker.Origin] {
        var origins: [String: OutputLinkChecker.Origin] = [:]
        for rendered in tree.pages {
            origins[rendered.page.sitePath + "index.html"] = OutputLinkChecker.Origin(
                path: rendered.page.diagnosticPath, body: rendered.page.body,
                bodyLineOffset: rendered.page.bodyLineOffset,
                markdownHrefs: Set(rendered.links.map(\.target.href)))
        }
        return origins
    }

    private func checkLinks(_ tree: SiteTree, otherFiles: [OutputFile], topics: TopicIndex)
        -> [Diagnostic]
    {
        var files = Set(otherFiles.map(\.path))
        files.formUnion(["search/index.html", "404.html", "topics/index.html"])
        for topic in topics.topics { files.insert("topics/\(topic.slug)/index.html") }
        return LinkChecker(tree: tree, otherFiles: files).check(tree)
    }
}
