/// Lexes one `{…}` replacement field of a Python f-string: the braces and any `!conversion`/`:format spec`
/// stay plain, and the expression is highlighted as Python (without further f-string fields).
struct PythonFormatField {
    /// The quote byte of the enclosing f-string.
    let quote: UInt8
    /// Whether the enclosing f-string is triple-quoted (so fields may span lines).
    let triple: Bool

    /// Lexes the field whose `{` is at `s.pos`, leaving `s.pos` after its `}` (or where it stops early:
    /// the enclosing string's closing quote, or a line break in a single-line string).
    func lex(_ s: inout ByteScanner) {
        s.pos += 1
        let expressionStart = s.pos
        var depth = 0
        var specStart: Int?
        scan: while !s.isAtEnd {
            let b = s.peek()
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "}"):
                if depth == 0 { break scan }
                depth -= 1
            case UInt8(ascii: "!")
            where depth == 0 && specStart == nil && s.peek(1) != UInt8(ascii: "="),
                UInt8(ascii: ":") where depth == 0 && specStart == nil:
                specStart = s.pos
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if b == quote && (!triple || (s.peek(1) == quote && s.peek(2) == quote)) {
                    break scan
                }
                s.skipQuoted(escapes: true, multiline: false)
                continue scan
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if !triple { break scan }
            default:
                break
            }
            s.pos += 1
        }
        let fieldEnd = s.pos
        let regionEnd = s.end
        s.pos = expressionStart
        s.end = specStart ?? fieldEnd
        PythonLexer(interpolates: false).lex(&s)
        s.end = regionEnd
        s.pos = fieldEnd
        if s.peek() == UInt8(ascii: "}") { s.pos += 1 }
    }
}
