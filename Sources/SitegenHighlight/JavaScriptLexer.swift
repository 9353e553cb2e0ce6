/// Highlights JavaScript: keywords, builtins and constants, `function`/`class` names, decorators, strings,
/// template literals whose `${…}` parts are lexed as code, comments and numbers (no regex literals).
struct JavaScriptLexer {
    /// Reserved and common contextual words.
    static let keywords = WordSet(
        """
        async await break case catch class const continue debugger default delete do else export extends
        finally for from function if import in instanceof let new of return static super switch this throw try
        typeof var void while with yield
        """)
    /// Constants and well-known globals.
    static let builtins = WordSet(
        """
        true false null undefined NaN Infinity arguments console window document globalThis Object Array
        String Number Boolean Symbol BigInt Math JSON Date RegExp Error TypeError RangeError Promise Map Set
        WeakMap WeakSet Proxy Reflect Intl require module exports process
        """)

    /// For each open `${`, how many `{` inside it are still open.
    private var interpolations: [Int] = []

    /// Lexes `s.pos..<s.end`.
    mutating func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            let b = s.peek()
            let start = s.pos
            if b == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "/") {
                s.lineComment()
            } else if b == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "*") {
                s.pos += 2
                s.skip(past: "*/")
                s.mark(.comment, from: start)
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                s.skipQuoted(escapes: true, multiline: false)
                s.mark(.string, from: start)
            } else if b == UInt8(ascii: "`") {
                s.pos += 1
                template(&s, from: start)
            } else if b == UInt8(ascii: "{") {
                s.pos += 1
                if !interpolations.isEmpty { interpolations[interpolations.count - 1] += 1 }
            } else if b == UInt8(ascii: "}") {
                s.pos += 1
                if let open = interpolations.last {
                    if open == 0 {
                        interpolations.removeLast()
                        template(&s, from: s.pos)
                    } else {
                        interpolations[interpolations.count - 1] = open - 1
                    }
                }
            } else if b.isDigit || (b == UInt8(ascii: ".") && s.peek(1).isDigit) {
                s.skipNumber()
                s.mark(.number, from: start)
            } else if b == UInt8(ascii: "@") && Self.isIdentifierByte(s.peek(1)) {
                s.pos += 1
                while Self.isIdentifierByte(s.peek()) { s.pos += 1 }
                s.mark(.decorator, from: start)
            } else if Self.isIdentifierByte(b) {
                word(&s)
            } else {
                s.pos += 1
            }
        }
    }

    /// Whether `b` belongs to an identifier (`$` included); digits never start one here since numbers come first.
    private static func isIdentifierByte(_ b: UInt8) -> Bool {
        b.isIdentContinue || b == UInt8(ascii: "$")
    }

    /// Lexes an identifier: keyword (with the name after `function` or `class`), builtin, or plain.
    private func word(_ s: inout ByteScanner) {
        let start = s.pos
        while Self.isIdentifierByte(s.peek()) { s.pos += 1 }
        let stop = s.pos
        let afterDot = start > 0 && s.bytes[start - 1] == UInt8(ascii: ".")
        let spread =
            start > 2 && s.bytes[start - 2] == UInt8(ascii: ".")
            && s.bytes[start - 3] == UInt8(ascii: ".")
        if afterDot && !spread { return }
        if s.text(start, stop, in: Self.keywords) {
            s.mark(.keyword, from: start)
            let isFunction = s.text(start, stop, is: "function")
            guard isFunction || s.text(start, stop, is: "class") else { return }
            s.skipBlanks()
            if isFunction && s.peek() == UInt8(ascii: "*") {
                s.pos += 1
                s.skipBlanks()
            }
            let name = s.pos
            while Self.isIdentifierByte(s.peek()) { s.pos += 1 }
            if !s.text(name, s.pos, in: Self.keywords) {
                s.mark(isFunction ? .function : .builtin, from: name)
            }
        } else if s.text(start, stop, in: Self.builtins) {
            s.mark(.builtin, from: start)
        }
    }

    /// Lexes template literal text from `s.pos` (marked as a string from `start`) up to the closing backtick,
    /// or up to a `${`, whose code the main loop lexes until the matching `}`.
    private mutating func template(_ s: inout ByteScanner, from start: Int) {
        while !s.isAtEnd {
            let b = s.peek()
            if b == UInt8(ascii: "\\") {
                s.pos = min(s.pos + 2, s.end)
            } else if b == UInt8(ascii: "`") {
                s.pos += 1
                break
            } else if b == UInt8(ascii: "$") && s.peek(1) == UInt8(ascii: "{") {
                s.mark(.string, from: start)
                s.pos += 2
                interpolations.append(0)
                return
            } else {
                s.pos += 1
            }
        }
        s.mark(.string, from: start)
    }
}
