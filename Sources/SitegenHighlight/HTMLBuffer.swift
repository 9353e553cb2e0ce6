/// The UTF-8 HTML output: escapes text exactly as cmark-gfm escapes code (`&`, `<`, `>`, `"` only) and
/// wraps tokens in `<span class="hl-X">`, one span per line so no span contains a line break.
struct HTMLBuffer {
    /// The HTML bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty buffer with room for about `inputCount` bytes of code.
    init(capacity inputCount: Int) {
        bytes.reserveCapacity(inputCount + inputCount / 2 + 32)
    }

    /// The finished HTML.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `source[range]`, HTML-escaped.
    mutating func appendEscaped(_ source: [UInt8], _ range: Range<Int>) {
        var run = range.lowerBound
        for i in range {
            let b = source[i]
            if b > UInt8(ascii: ">") { continue }
            let entity: StaticString
            switch b {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: continue
            }
            bytes.append(contentsOf: source[run..<i])
            append(entity)
            run = i + 1
        }
        bytes.append(contentsOf: source[run..<range.upperBound])
    }

    /// Appends `source[range]` as a `kind` token: line breaks stay outside, each line gets its own span,
    /// and empty pieces get none.
    mutating func appendSpan(_ kind: TokenKind, _ source: [UInt8], _ range: Range<Int>) {
        var piece = range.lowerBound
        for i in range where source[i].isLineBreak {
            wrap(kind, source, piece..<i)
            bytes.append(source[i])
            piece = i + 1
        }
        wrap(kind, source, piece..<range.upperBound)
    }

    /// Appends one span around `source[range]` unless the range is empty.
    private mutating func wrap(_ kind: TokenKind, _ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        append("<span class=\"hl-")
        bytes.append(kind.letter)
        append("\">")
        appendEscaped(source, range)
        append("</span>")
    }

    /// Appends a literal's UTF-8 bytes.
    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
