import Mustache

/// A page's body HTML as templates see it (`page.content`): held in memory after rendering, or
/// read from the build cache only when the page is templated. Cache keys use its hash, so both
/// forms of the same HTML key alike.
struct PageContent: MustacheCustomRenderable, Sendable {
    /// The HTML, when it is in memory.
    let inline: String?
    /// Where the HTML is in the cache, when it is not.
    let stored: StoredHTML?
    /// A hash of the HTML.
    let hash: UInt64

    /// The HTML.
    var renderText: String { inline ?? stored?.text ?? "" }
    /// A body is never a null value, even an empty one (as an empty string was not).
    var isNull: Bool { false }
}
