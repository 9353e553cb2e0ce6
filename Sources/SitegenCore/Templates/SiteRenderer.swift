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

    /// Renders everything; a page naming a missing template is an error.
    public func render() -> ([OutputFile], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let indices = Array(contexts.tree.pages.indices)
        for index in indices {
            let page = contexts.tree.pages[index].page
            if let name = page.frontMatter.template, !library.has(name) {
                diagnostics.append(
                    .error(SourceLocation(path: page.diagnosticPath), "missing template '\(name)'"))
            }
        }
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        var files = indices.parallelMap(jobs: jobs) { index in renderPage(index) }
        files.append(contentsOf: topicPages())
        files.append(page(at: "search/index.html", template: "search", title: "Search"))
        files.append(page(at: "404.html", template: "404", title: "Page not found"))
        return (files, diagnostics)
    }

    private func renderPage(_ index: Int) -> OutputFile {
        let page = contexts.tree.pages[index].page
        let template =
            page.frontMatter.template ?? (index == 0 ? "home" : page.isSection ? "section" : "page")
        let html = library.render(template, contexts.context(forPage: index))
        return OutputFile(path: page.sitePath + "index.html", contents: .data(Data(html.utf8)))
    }

    private func topicPages() -> [OutputFile] {
        let all = contexts.topics.topics.map(contexts.topicLink)
        var context = contexts.common(navigationFor: nil)
        context["page"] = pageValue(title: "Topics", url: contexts.url("topics/"))
        context["topics"] = all
        context["hasTopics"] = !all.isEmpty
        var files = [
            OutputFile(
                path: "topics/index.html",
                contents: .data(Data(library.render("topics", context).utf8)))
        ]
        for topic in contexts.topics.topics {
            var topicContext = contexts.common(navigationFor: nil)
            topicContext["page"] = pageValue(
                title: topic.title, url: contexts.url("topics/\(topic.slug)/"))
            var value = contexts.topicLink(topic)
            value["pages"] = topic.pages.map(contexts.link)
            topicContext["topic"] = value
            files.append(
                OutputFile(
                    path: "topics/\(topic.slug)/index.html",
                    contents: .data(Data(library.render("topic", topicContext).utf8))))
        }
        return files
    }

    private func page(at path: String, template: String, title: String) -> OutputFile {
        var context = contexts.common(navigationFor: nil)
        context["page"] = pageValue(title: title, url: contexts.url(path))
        return OutputFile(path: path, contents: .data(Data(library.render(template, context).utf8)))
    }

    private func pageValue(title: String, url: String) -> [String: Any] {
        [
            "title": title, "summary": "", "url": url, "isSection": false, "isHome": false,
            "toc": [Any](), "hasToc": false, "topics": [Any](), "hasTopics": false,
            "breadcrumbs": [Any](), "hasBreadcrumbs": false, "previous": false, "next": false, "related": [Any](),
            "hasRelated": false, "children": [Any](), "hasChildren": false, "editURL": false,
            "date": false, "updated": false, "canonicalURL": false,
        ]
    }
}
