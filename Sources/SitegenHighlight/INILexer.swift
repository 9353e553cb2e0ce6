/// Highlights INI and `.cfg` files: `[section]` headers, `;`/`#` comment lines, keys before `=` or `:`,
/// values that are wholly a quoted string, a number or a boolean, and plain indented continuation lines.
struct INILexer {
    /// Boolean-like values, matched ignoring case.
    static let constants = WordSet("true false yes no on off none null", ignoringCase: true)

    /// Lexes `s.pos..<s.end` line by line.
    func lex(_ s: inout ByteScanner) {
        var continues = false
        while !s.isAtEnd {
            let lineStart = s.pos
            s.skipBlanks()
            let b = s.peek()
            if s.isAtEnd || b.isLineBreak {
                continues = false
            } else if b == UInt8(ascii: ";") || b == UInt8(ascii: "#") {
                s.lineComment()
            } else if s.pos > lineStart && continues {
                s.skipToLineEnd()
            } else if b == UInt8(ascii: "[") {
                let start = s.pos
                let stop = s.lineEnd(from: start)
                while s.pos < stop && s.peek() != UInt8(ascii: "]") { s.pos += 1 }
                if s.peek() == UInt8(ascii: "]") { s.pos += 1 }
                s.mark(.tag, from: start)
                continues = false
            } else {
                entry(&s)
                continues = true
            }
            s.pos = s.nextLine(from: s.pos)
        }
    }

    /// Lexes a `key = value` or `key: value` line at `s.pos`; a line without a separator stays plain.
    private func entry(_ s: inout ByteScanner) {
        let start = s.pos
        let lineEnd = s.lineEnd(from: start)
        var separator = start
        while separator < lineEnd && s.bytes[separator] != UInt8(ascii: "=")
            && s.bytes[separator] != UInt8(ascii: ":")
        {
            separator += 1
        }
        s.pos = lineEnd
        guard separator < lineEnd else { return }
        var keyEnd = separator
        while keyEnd > start && s.bytes[keyEnd - 1].isBlank { keyEnd -= 1 }
        s.mark(.attribute, from: start, to: keyEnd)
        var value = separator + 1
        while value < lineEnd && s.bytes[value].isBlank { value += 1 }
        var valueEnd = lineEnd
        while valueEnd > value && s.bytes[valueEnd - 1].isBlank { valueEnd -= 1 }
        guard valueEnd > value else { return }
        let first = s.bytes[value]
        if (first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")) && valueEnd - value >= 2
            && s.bytes[valueEnd - 1] == first
        {
            s.mark(.string, from: value, to: valueEnd)
        } else if s.looksNumeric(value, valueEnd) {
            s.mark(.number, from: value, to: valueEnd)
        } else if s.text(value, valueEnd, in: Self.constants) {
            s.mark(.builtin, from: value, to: valueEnd)
        }
    }
}
