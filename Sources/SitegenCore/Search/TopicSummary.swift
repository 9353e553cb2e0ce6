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
