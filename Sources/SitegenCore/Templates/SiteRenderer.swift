import Foundation

/// Applies templates: every page, the topic pages, the search page and `404.html`.
public struct SiteRenderer: Sendable {
    /// Compiled templates.
    public let library: TemplateLibrary
    /// Context values.
    public let contexts: PageContextBuilder
    /// Worker count, or nil for all cores.
    public let jobs: Int?

    /// Creates a renderer.
    public init(library: TemplateLibrary, contexts: PageContextBuilder, jobs: Int?) {
        self.library = library
        self.contexts = contexts
        self.jobs = jobs
    }

    /// What applying templates produced.
    struct Result: Sendable {
        var files: [OutputFile]
        var entries: [String: BuildCache.OutputEntry]
        var rendered: Int
    }

    /// Renders every file, reusing those in `cache` whose templates and context are unchanged;
    /// a page naming a missing template is an error.
    func render(cache: [String: BuildCache.OutputEntry], recording: Bool = true) -> (
        Result, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        let indices = Array(contexts.tree.pages.indices)
        for index in indices {
            let page = contexts.tree.pages[index].page
            if let name = page.frontMatter.template, !library.has(name) {
                diagnostics.append(
                    .error(
                        SourceLocation(
                            path: page.diagnosticPath,
                            line: page.frontMatter.lines["template"] ?? 0,
                            column: 1), "missing template '\(name)'"))
            }
        }
        guard diagnostics.isEmpty else {
            return (Result(files: [], entries: [:], rendered: 0), diagnostics)
        }
        var jobsList: [Job] = indices.map { index in
            let page = contexts.tree.pages[index].page
            let template =
                page.frontMatter.template
                ?? (index == 0 ? "home" : page.isSection ? "section" : "page")
            return Job(path: page.sitePath + "index.html", template: template, page: index)
        }
        jobsList.append(contentsOf: extraJobs())
        let templateKey = library.fingerprint
        let navigation = NavigationRenderer(library: library, contexts: contexts, jobs: jobs)
        let homeNavigation = navigation.html(for: contexts.homeNavigation)
        let outcomes = jobsList.parallelMap(jobs: jobs) {
            job -> (OutputFile, BuildCache.OutputEntry, Bool) in
            var context: [String: Any]
            if let page = job.page {
                let items = contexts.navigation.navigation(for: page)
                context = contexts.context(forPage: page, navigation: items)
                context["navHTML"] = navigation.html(for: items)
            } else {
                context = job.context()
                context["navHTML"] = homeNavigation
            }
            guard recording else {
                let data = Data(library.render(job.template, context).utf8)
                return (
                    OutputFile(path: job.path, contents: .data(data)), .init(key: 0, data: Data()),
                    true
                )
            }
            var hasher = ContextHasher()
            hasher.combine(Int(bitPattern: UInt(templateKey)))
            hasher.combine(job.template)
            hasher.combine(context)
            let key = hasher.value
            if let entry = cache[job.path], entry.key == key {
                return (OutputFile(path: job.path, contents: .data(entry.data)), entry, false)
            }
            let data = Data(library.render(job.template, context).utf8)
            return (
                OutputFile(path: job.path, contents: .data(data)), .init(key: key, data: data), true
            )
        }
        var entries: [String: BuildCache.OutputEntry] = [:]
        if recording { for (file, entry, _) in outcomes { entries[file.path] = entry } }
        return (
            Result(
                files: outcomes.map(\.0), entries: entries, rendered: outcomes.filter(\.2).count),
            diagnostics
        )
    }

    /// One file to template: a page (by tree index) or a context made on demand.
    struct Job: Sendable {
        var path: String
        var template: String
        var page: Int?
        var makeContext: (@Sendable () -> [String: Any])?

        init(path: String, template: String, page: Int) {
            self.path = path
            self.template = template
            self.page = page
        }

        init(path: String, template: String, context: @escaping @Sendable () -> [String: Any]) {
            self.path = path
            self.template = template
            self.makeContext = context
        }

        func context() -> [String: Any] { makeContext?() ?? [:] }
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

    private func topicsContext() -> [String: Any] {
        let all = contexts.topics.topics.map(contexts.topicLink)
        var context = contexts.common(navigation: contexts.homeNavigation)
        context["page"] = pageValue(title: "Topics", url: contexts.url("topics/"))
        context["topics"] = all
        context["hasTopics"] = !all.isEmpty
        return context
    }

    private func topicContext(_ topic: Topic) -> [String: Any] {
        var context = contexts.common(navigation: contexts.homeNavigation)
        context["page"] = pageValue(title: topic.title, url: contexts.url("topics/\(topic.slug)/"))
        var value = contexts.topicLink(topic)
        value["pages"] = topic.pages.map(contexts.link)
        context["topic"] = value
        return context
    }

    private func simpleContext(_ title: String, _ path: String) -> [String: Any] {
        var context = contexts.common(navigation: contexts.homeNavigation)
        context["page"] = pageValue(title: title, url: contexts.url(path))
        return context
    }

    private func pageValue(title: String, url: String) -> [String: Any] {
        [
            "title": title, "summary": "", "url": url, "isSection": false, "isHome": false,
            "toc": [Any](), "hasToc": false, "topics": [Any](), "hasTopics": false,
            "breadcrumbs": [Any](), "hasBreadcrumbs": false, "previous": false, "next": false,
            "related": [Any](),
            "hasRelated": false, "children": [Any](), "hasChildren": false, "editURL": false,
            "date": false, "updated": false, "canonicalURL": false,
        ]
    }
}
