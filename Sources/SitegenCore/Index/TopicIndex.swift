/// One topic and the pages that use it.
public struct Topic: Sendable, Equatable {
    /// URL-safe identifier.
    public var slug: String
    /// Display title.
    public var title: String
    /// Description, possibly empty.
    public var description: String
    /// Indices of its pages in the site tree, in reading order.
    public var pages: [Int]
}

/// Topics, the pages of each, and each page's related pages.
public struct TopicIndex: Sendable {
    /// Topics sorted by title, then slug.
    public let topics: [Topic]
    /// For each page (by tree index), the slugs of its topics, as declared order in the page.
    public let pageTopics: [[String]]
    /// For each page, up to five related pages: most shared topics first, then reading order
    /// (empty until `TopicIndexBuilder.relate` fills it, when the index was built without).
    public internal(set) var related: [[Int]]
    /// Slug → topic.
    public let bySlug: [String: Topic]
}
