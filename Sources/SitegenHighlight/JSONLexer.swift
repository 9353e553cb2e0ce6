/// Highlights JSON: keys (strings followed by `:`), string values, numbers, `true`/`false`/`null`,
/// and the `//` and `/* */` comments of JSON-with-comments.
struct JSONLexer {
    /// The literal names.
    static let constants = WordSet("true false null")

    /// Lexes `s.pos..<s.end`.
    func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            let b = s.peek()
            let start = s.pos
            if b == UInt8(ascii: "\"") {
                s.skipQuoted(escapes: true, multiline: false)
                var next = s.pos
                while next < s.end && s.bytes[next].isWhitespace { next += 1 }
                let isKey = next < s.end && s.bytes[next] == UInt8(ascii: ":")
                s.mark(isKey ? .attribute : .string, from: start)
            } else if b.isDigit || (b == UInt8(ascii: "-") && s.peek(1).isDigit) {
                if b == UInt8(ascii: "-") { s.pos += 1 }
                s.skipNumber()
                s.mark(.number, from: start)
            } else if b.isIdentStart {
                s.skipIdentifier()
                if s.text(start, s.pos, in: Self.constants) { s.mark(.builtin, from: start) }
            } else if b == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "/") {
                s.lineComment()
            } else if b == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "*") {
                s.pos += 2
                s.skip(past: "*/")
                s.mark(.comment, from: start)
            } else {
                s.pos += 1
            }
        }
    }
}
