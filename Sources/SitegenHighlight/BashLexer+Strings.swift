/// String, variable and heredoc scanning for `BashLexer`, also used by the Dockerfile lexer.
extension BashLexer {
    /// Lexes a double-quoted string at `s.pos`, marking the variables inside it as variables.
    static func doubleQuoted(_ s: inout ByteScanner) {
        var piece = s.pos
        s.pos += 1
        while !s.isAtEnd {
            let b = s.peek()
            if b == UInt8(ascii: "\\") {
                s.pos = min(s.pos + 2, s.end)
            } else if b == UInt8(ascii: "\"") {
                s.pos += 1
                break
            } else if b == UInt8(ascii: "$") {
                let dollar = s.pos
                s.mark(.string, from: piece)
                if variable(&s) {
                    piece = s.pos
                } else {
                    piece = dollar
                    s.pos += 1
                }
            } else {
                s.pos += 1
            }
        }
        s.mark(.string, from: piece)
    }

    /// Marks the variable at `s.pos` (`$NAME`, `${…}`, `$1`, `$@`, `$?`, …); false, without moving, when the
    /// `$` does not start one (`$(`, a lone `$`).
    static func variable(_ s: inout ByteScanner) -> Bool {
        let start = s.pos
        let next = s.peek(1)
        if next == UInt8(ascii: "{") {
            s.pos += 2
            while !s.isAtEnd && !s.peek().isLineBreak {
                s.pos += 1
                if s.previous == UInt8(ascii: "}") { break }
            }
        } else if next.isLetter || next == UInt8(ascii: "_") {
            s.pos += 1
            while s.peek().isASCIIWordByte { s.pos += 1 }
        } else if next.isDigit || isSpecialParameter(next) {
            s.pos += 2
        } else {
            return false
        }
        s.mark(.variable, from: start)
        return true
    }

    /// Whether `$` followed by `b` is a special parameter (`$@`, `$*`, `$#`, `$?`, `$$`, `$!`, `$-`).
    private static func isSpecialParameter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"),
            UInt8(ascii: "$"),
            UInt8(ascii: "!"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Reads `<<word`, `<<-word`, `<<'word'` or `<<"word"` at `s.pos`; the body is lexed from the next line.
    mutating func heredocStart(_ s: inout ByteScanner) {
        s.pos += 2
        let stripsTabs = s.peek() == UInt8(ascii: "-")
        if stripsTabs { s.pos += 1 }
        s.skipBlanks()
        let quote = s.peek()
        let quoted = quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")
        let start = quoted ? s.pos + 1 : s.pos
        var stop = start
        while stop < s.end
            && (s.bytes[stop].isASCIIWordByte || s.bytes[stop] == UInt8(ascii: "-")
                || s.bytes[stop] == UInt8(ascii: "."))
        { stop += 1 }
        guard stop > start, !quoted || (stop < s.end && s.bytes[stop] == quote) else { return }
        if quoted {
            s.mark(.string, from: s.pos, to: stop + 1)
            s.pos = stop + 1
        } else {
            s.pos = stop
        }
        heredoc = (start..<stop, stripsTabs)
    }

    /// Marks heredoc body lines from `s.pos` as a string, up to the line holding only the delimiter.
    mutating func heredocBody(
        _ s: inout ByteScanner, _ pending: (delimiter: Range<Int>, stripsTabs: Bool)
    ) {
        heredoc = nil
        let start = s.pos
        while !s.isAtEnd {
            var first = s.pos
            if pending.stripsTabs {
                while first < s.end && s.bytes[first] == UInt8(ascii: "\t") { first += 1 }
            }
            let stop = s.lineEnd(from: first)
            if s.bytes[first..<stop].elementsEqual(s.bytes[pending.delimiter]) {
                s.mark(.string, from: start)
                s.pos = stop
                return
            }
            s.pos = s.nextLine(from: s.pos)
        }
        s.mark(.string, from: start)
    }
}
