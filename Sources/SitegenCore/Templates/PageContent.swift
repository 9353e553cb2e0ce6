import Mustache

/// A page's body HTML as templates see it (`page.content`): held in memory after rendering, or
/// read from the build cache only when the page is templated. Cache keys use its hash, so both
/// forms of the same HTML key alike.
struct PageContent: MustacheCustomRenderable, Sendable {
    /// The HTML's UTF-8 bytes, when it is in memory.
    let inline: [UInt8]?
    /// Where the HTML is in the cache, when it is not.
    let stored: StoredHTML?
    /// A hash of the HTML.
    let hash: UInt64

    /// The HTML.
    var renderText: String {
        inline.map { String(decoding: $0, as: UTF8.self) } ?? stored?.text ?? ""
    }

    /// Appends the HTML's bytes to `output`, with no string made for HTML in memory.
    func write(into output: inout [UInt8]) {
        if let inline {
            output.append(contentsOf: inline)
        } else {
            output.append(contentsOf: renderText.utf8)
        }
    }
    /// A body is never a null value, even an empty one (as an empty string was not).
    var isNull: Bool { false }
}
