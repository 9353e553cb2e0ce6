/// Highlights TOML: `[table]` and `[[array]]` headers as sections, keys (bare, quoted, dotted; also in
/// inline tables), basic/literal/multi-line strings, numbers and dates, booleans, and comments.
struct TOMLLexer {
    /// Boolean literals.
    static let constants = WordSet("true false")
    /// Special float literals.
    static let specialNumbers = WordSet("inf nan")

    /// The open `[` and `{` brackets of the current value, innermost last.
    private var open: [UInt8] = []

    /// Lexes `s.pos..<s.end`.
    mutating func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            if s.atLineStart && open.isEmpty {
                s.skipBlanks()
                if s.peek() == UInt8(ascii: "[") {
                    header(&s)
                    continue
                }
                key(&s)
            }
            guard !s.isAtEnd else { break }
            let b = s.peek()
            let start = s.pos
            switch b {
            case UInt8(ascii: "#"):
                s.lineComment()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                string(&s)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append(b)
                s.pos += 1
                if b == UInt8(ascii: "{") { key(&s) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if !open.isEmpty { open.removeLast() }
                s.pos += 1
            case UInt8(ascii: ","):
                s.pos += 1
                if open.last == UInt8(ascii: "{") { key(&s) }
            default:
                let next = s.peek(1)
                let signed =
                    (b == UInt8(ascii: "+") || b == UInt8(ascii: "-"))
                    && (next.isDigit || next == UInt8(ascii: "i") || next == UInt8(ascii: "n"))
                if b.isDigit || signed {
                    s.pos += 1
                    while !s.isAtEnd && (s.peek().isASCIIWordByte || ":.+-".utf8.contains(s.peek()))
                    { s.pos += 1 }
                    s.mark(.number, from: start)
                } else if b.isLetter {
                    s.skipIdentifier()
                    if s.text(start, s.pos, in: Self.constants) {
                        s.mark(.builtin, from: start)
                    } else if s.text(start, s.pos, in: Self.specialNumbers) {
                        s.mark(.number, from: start)
                    }
                } else {
                    s.pos += 1
                }
            }
        }
    }

    /// Marks a `[table]` or `[[array of tables]]` header at `s.pos`, up to its last `]` on the line.
    private func header(_ s: inout ByteScanner) {
        let start = s.pos
        while !s.isAtEnd && !s.peek().isLineBreak && s.peek() != UInt8(ascii: "]") {
            if s.peek() == UInt8(ascii: "\"") || s.peek() == UInt8(ascii: "'") {
                s.skipQuoted(escapes: s.peek() == UInt8(ascii: "\""), multiline: false)
            } else {
                s.pos += 1
            }
        }
        while s.peek() == UInt8(ascii: "]") { s.pos += 1 }
        s.mark(.tag, from: start)
    }

    /// Marks the key at `s.pos` (after blanks) when a `=` follows it; otherwise leaves `s.pos` alone.
    private func key(_ s: inout ByteScanner) {
        s.skipBlanks()
        var probe = s.pos
        var keyEnd = probe
        while probe < s.end {
            let b = s.bytes[probe]
            if b.isASCIIWordByte || b == UInt8(ascii: "-") {
                while probe < s.end
                    && (s.bytes[probe].isASCIIWordByte || s.bytes[probe] == UInt8(ascii: "-"))
                { probe += 1 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                probe += 1
                while probe < s.end && s.bytes[probe] != b && !s.bytes[probe].isLineBreak {
                    probe += b == UInt8(ascii: "\"") && s.bytes[probe] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard probe < s.end && s.bytes[probe] == b else { return }
                probe += 1
            } else {
                return
            }
            keyEnd = probe
            while probe < s.end && s.bytes[probe].isBlank { probe += 1 }
            guard probe < s.end && s.bytes[probe] == UInt8(ascii: ".") else { break }
            probe += 1
            while probe < s.end && s.bytes[probe].isBlank { probe += 1 }
        }
        guard probe < s.end && s.bytes[probe] == UInt8(ascii: "="), keyEnd > s.pos else { return }
        s.mark(.attribute, from: s.pos, to: keyEnd)
        s.pos = keyEnd
    }

    /// Marks a string at `s.pos`: `"…"`, `'…'`, or multi-line `"""…"""` / `'''…'''`.
    private func string(_ s: inout ByteScanner) {
        let start = s.pos
        let quote = s.peek()
        guard s.peek(1) == quote && s.peek(2) == quote else {
            s.skipQuoted(escapes: quote == UInt8(ascii: "\""), multiline: false)
            s.mark(.string, from: start)
            return
        }
        s.pos += 3
        while !s.isAtEnd {
            if quote == UInt8(ascii: "\"") && s.peek() == UInt8(ascii: "\\") {
                s.pos = min(s.pos + 2, s.end)
            } else if s.peek() == quote && s.peek(1) == quote && s.peek(2) == quote {
                s.pos += 3
                if s.peek() == quote { s.pos += 1 }
                if s.peek() == quote { s.pos += 1 }
                break
            } else {
                s.pos += 1
            }
        }
        s.mark(.string, from: start)
    }
}
