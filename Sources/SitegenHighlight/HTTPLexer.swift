/// Highlights HTTP messages: the method of a request line and the code of a status line as tags, header
/// names as keys, and the body after the blank line as JSON when it starts with `{` or `[` (else plain).
/// A request or status line after a body starts the next message, so one block can show an exchange.
struct HTTPLexer {
    /// Request methods recognised at the start of a request line.
    static let methods = WordSet("GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH")

    /// Lexes `s.pos..<s.end`.
    func lex(_ s: inout ByteScanner) {
        var inHead = false
        while !s.isAtEnd {
            let lineStart = s.pos
            let lineEnd = s.lineEnd(from: lineStart)
            if lineEnd == lineStart {
                s.pos = s.nextLine(from: lineStart)
                if inHead {
                    body(&s)
                    inHead = false
                }
                continue
            }
            if let token = startLineToken(s, at: lineStart) {
                s.mark(.tag, from: token.lowerBound, to: token.upperBound)
            } else {
                var nameEnd = lineStart
                while nameEnd < lineEnd && s.bytes[nameEnd].isHTTPTokenByte { nameEnd += 1 }
                if nameEnd > lineStart && nameEnd < lineEnd && s.bytes[nameEnd] == UInt8(ascii: ":")
                {
                    s.mark(.attribute, from: lineStart, to: nameEnd)
                }
            }
            inHead = true
            s.pos = s.nextLine(from: lineStart)
        }
    }

    /// Lexes a body from `s.pos` up to the next request or status line (or the end), as JSON when its first
    /// non-whitespace byte is `{` or `[`.
    private func body(_ s: inout ByteScanner) {
        let start = s.pos
        var stop = start
        while stop < s.end && startLineToken(s, at: stop) == nil { stop = s.nextLine(from: stop) }
        var first = start
        while first < stop && s.bytes[first].isWhitespace { first += 1 }
        if first < stop
            && (s.bytes[first] == UInt8(ascii: "{") || s.bytes[first] == UInt8(ascii: "["))
        {
            let regionEnd = s.end
            s.end = stop
            JSONLexer().lex(&s)
            s.end = regionEnd
        }
        s.pos = stop
    }

    /// The range to mark on a start line at `index`: the method of `GET /path …`, or the code of
    /// `HTTP/1.1 200 OK`; nil when the line is not a start line.
    private func startLineToken(_ s: ByteScanner, at index: Int) -> Range<Int>? {
        if s.matches("HTTP/", at: index) {
            var code = index + 5
            while code < s.end && !s.bytes[code].isWhitespace { code += 1 }
            guard code < s.end && s.bytes[code] == UInt8(ascii: " ") else { return nil }
            code += 1
            var stop = code
            while stop < s.end && s.bytes[stop].isDigit { stop += 1 }
            let ends = stop == s.end || s.bytes[stop].isWhitespace
            return stop - code == 3 && ends ? code..<stop : nil
        }
        var stop = index
        while stop < s.end && stop - index < 8 && s.bytes[stop].isUppercase { stop += 1 }
        guard
            stop < s.end && s.bytes[stop] == UInt8(ascii: " ")
                && s.text(index, stop, in: Self.methods)
        else { return nil }
        return index..<stop
    }
}
