import SitegenMarkdown

/// A topic declared in `sitegen.yml`.
public struct TopicDefinition: Sendable, Equatable {
    /// URL-safe identifier used in front matter.
    public var slug: String
    /// Display title.
    public var title: String
    /// One-sentence description.
    public var description: String

    /// Creates a topic definition.
    public init(slug: String, title: String, description: String) {
        self.slug = slug
        self.title = title
        self.description = description
    }
}

/// The site's settings from `sitegen.yml`, with defaults for everything.
public struct SiteConfig: Sendable, Equatable {
    /// Site title.
    public var title = "Documentation"
    /// One-sentence description of the site.
    public var description = ""
    /// Language code for `<html lang>`.
    public var language = "en"
    /// Author or maintainers.
    public var author = ""
    /// Where the site is published.
    public var baseURL = BaseURL("/")
    /// Repository URL for edit links (`<repository>/edit/main/content/…`), if any.
    public var repository: String?
    /// Markdown options.
    public var markdown = MarkdownOptions()
    /// Declared topics, in the order written; empty when no `topics:` map exists.
    public var topics: [TopicDefinition] = []
    /// Whether `sitegen.yml` declares a `topics:` map.
    public var declaresTopics = false
    /// When the search index is also written split under `search/` (`search.split`).
    public var searchSplit = SearchSplit.auto

    /// Creates the default configuration.
    public init() {}
}
