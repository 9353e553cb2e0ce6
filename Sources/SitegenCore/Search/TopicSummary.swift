/// One entry of `topics.json`.
struct TopicSummary: Encodable {
    /// URL-safe identifier.
    var slug: String
    /// Display title.
    var title: String
    /// Description, possibly empty.
    var description: String
    /// Number of pages.
    var count: Int
    /// The pages' URLs, in reading order.
    var pages: [String]
}
