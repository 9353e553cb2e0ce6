import Foundation

/// One entry of `topics.json`.
struct TopicSummary: Sendable {
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

    /// Where the summaries are published.
    static let path = "topics.json"

    /// Every topic of `topics`, its pages named by their URLs (`pageURLs`, by page number).
    static func summaries(_ topics: TopicIndex, pageURLs: [String]) -> [TopicSummary] {
        topics.topics.map { topic in
            TopicSummary(
                slug: topic.slug, title: topic.title, description: topic.description,
                count: topic.pages.count, pages: topic.pages.map { pageURLs[$0] })
        }
    }

    /// A hash of everything `encode` writes of `summaries`: a rebuild that changed none keeps
    /// the output's file instead of encoding 25,000 URLs again.
    static func key(_ summaries: [TopicSummary]) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(summaries.count)
        for summary in summaries {
            for text in [summary.slug, summary.title, summary.description] { hasher.combine(text) }
            hasher.combine(summary.count)
            hasher.combine(summary.pages.count)
            for page in summary.pages { hasher.combine(page) }
        }
        return hasher.value
    }

    /// `topics.json`: the summaries as `JSONEncoder` would write them (sorted keys, slashes
    /// unescaped), byte by byte without building a tree.
    static func encode(_ summaries: [TopicSummary]) -> Data {
        var json = JSONBytes()
        json.raw("[")
        for (index, summary) in summaries.enumerated() {
            json.raw(index == 0 ? "{\"count\":" : ",{\"count\":")
            json.number(summary.count)
            json.raw(",\"description\":")
            json.string(summary.description)
            json.raw(",\"pages\":")
            json.strings(summary.pages)
            json.raw(",\"slug\":")
            json.string(summary.slug)
            json.raw(",\"title\":")
            json.string(summary.title)
            json.raw("}")
        }
        json.raw("]")
        return Data(json.bytes)
    }
}
