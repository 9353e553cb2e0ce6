/// Highlights Swift: keywords, `#` directives, attributes, capitalized names as types, `func` names,
/// strings (multi-line, raw `#"…"#`, with `\(…)` code), nested block comments, and numbers.
struct SwiftLexer {
    /// Declaration, statement, expression and contextual keywords.
    static let keywords = WordSet(
        """
        actor any as associatedtype async await borrowing break case catch class consuming continue convenience
        default defer deinit didSet do dynamic else enum extension fallthrough fileprivate final for func get
        guard if import in indirect init inout internal is isolated lazy let macro mutating nonisolated
        nonmutating open operator optional override package precedencegroup private protocol public repeat
        required rethrows return self Self set some static struct subscript super switch throw throws try
        typealias unowned var weak where while willSet
        """)
    /// Literal constants.
    static let constants = WordSet("true false nil")

    /// A string interrupted by `\(`: how many `(` inside are open, and how to resume the string after `)`.
    private struct Interpolation {
        var parens: Int
        let hashes: Int
        let multiline: Bool
    }

    /// Open interpolations, innermost last.
    private var interpolations: [Interpolation] = []

    /// Lexes `s.pos..<s.end`.
    mutating func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            let b = s.peek()
            let start = s.pos
            if b == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "/") {
                s.lineComment()
            } else if b == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "*") {
                blockComment(&s)
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "#") {
                var hashes = 0
                while s.peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
                if s.peek(hashes) == UInt8(ascii: "\"") {
                    s.pos += hashes
                    let multiline =
                        s.peek(1) == UInt8(ascii: "\"") && s.peek(2) == UInt8(ascii: "\"")
                    s.pos += multiline ? 3 : 1
                    string(&s, from: start, hashes: hashes, multiline: multiline)
                } else {
                    s.pos += hashes
                    if hashes == 1 && s.peek().isIdentStart {
                        s.skipIdentifier()
                        s.mark(.keyword, from: start)
                    }
                }
            } else if b == UInt8(ascii: "@") && s.peek(1).isIdentStart {
                s.pos += 1
                s.skipIdentifier()
                s.mark(.decorator, from: start)
            } else if b == UInt8(ascii: "(") || b == UInt8(ascii: ")") {
                s.pos += 1
                parenthesis(&s, opens: b == UInt8(ascii: "("))
            } else if b.isLineBreak {
                s.pos += 1
                while let top = interpolations.last, !top.multiline { interpolations.removeLast() }
            } else if b == UInt8(ascii: "`") {
                s.pos += 1
                while !s.isAtEnd && s.peek() != UInt8(ascii: "`") && !s.peek().isLineBreak {
                    s.pos += 1
                }
                if s.peek() == UInt8(ascii: "`") { s.pos += 1 }
            } else if b.isDigit {
                s.skipNumber()
                s.mark(.number, from: start)
            } else if b.isIdentStart || b == UInt8(ascii: "$") {
                word(&s)
            } else {
                s.pos += 1
            }
        }
    }

    /// Tracks a parenthesis just read; the `)` closing an interpolation resumes its string.
    private mutating func parenthesis(_ s: inout ByteScanner, opens: Bool) {
        guard let top = interpolations.last else { return }
        if opens {
            interpolations[interpolations.count - 1].parens += 1
        } else if top.parens > 0 {
            interpolations[interpolations.count - 1].parens -= 1
        } else {
            interpolations.removeLast()
            string(&s, from: s.pos, hashes: top.hashes, multiline: top.multiline)
        }
    }

    /// Lexes an identifier: keyword (and the name after `func`), constant, capitalized type, or plain.
    private func word(_ s: inout ByteScanner) {
        let start = s.pos
        s.pos += 1
        s.skipIdentifier()
        let stop = s.pos
        let capitalized = s.bytes[start].isUppercase
        if start > 0 && s.bytes[start - 1] == UInt8(ascii: ".") {
            if capitalized { s.mark(.builtin, from: start) }
        } else if s.text(start, stop, in: Self.keywords) {
            s.mark(.keyword, from: start)
            guard s.text(start, stop, is: "func") else { return }
            s.skipBlanks()
            let name = s.pos
            if s.peek().isIdentStart { s.skipIdentifier() }
            s.mark(.function, from: name)
        } else if capitalized || s.text(start, stop, in: Self.constants) {
            s.mark(.builtin, from: start)
        }
    }

    /// Marks a (possibly nested) `/* … */` comment at `s.pos`.
    private func blockComment(_ s: inout ByteScanner) {
        let start = s.pos
        var depth = 0
        while !s.isAtEnd {
            if s.peek() == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "*") {
                depth += 1
                s.pos += 2
            } else if s.peek() == UInt8(ascii: "*") && s.peek(1) == UInt8(ascii: "/") {
                depth -= 1
                s.pos += 2
                if depth == 0 { break }
            } else {
                s.pos += 1
            }
        }
        s.mark(.comment, from: start)
    }

    /// Lexes string text from `s.pos` (marked from `start`) up to the closing delimiter, or up to a `\(`
    /// whose code the main loop lexes until the matching `)`; `hashes` counts a raw string's `#`s.
    private mutating func string(
        _ s: inout ByteScanner, from start: Int, hashes: Int, multiline: Bool
    ) {
        while !s.isAtEnd {
            let b = s.peek()
            if b.isLineBreak && !multiline { break }
            if b == UInt8(ascii: "\\") && Self.hashes(s, at: s.pos + 1, count: hashes) {
                let after = s.pos + 1 + hashes
                if after < s.end && s.bytes[after] == UInt8(ascii: "(") {
                    s.mark(.string, from: start)
                    s.pos = after + 1
                    interpolations.append(
                        Interpolation(parens: 0, hashes: hashes, multiline: multiline))
                    return
                }
                s.pos = min(after + 1, s.end)
                continue
            }
            let closing =
                multiline
                ? b == UInt8(ascii: "\"") && s.peek(1) == b && s.peek(2) == b
                    && Self.hashes(s, at: s.pos + 3, count: hashes)
                : b == UInt8(ascii: "\"") && Self.hashes(s, at: s.pos + 1, count: hashes)
            if closing {
                s.pos += (multiline ? 3 : 1) + hashes
                break
            }
            s.pos += 1
        }
        s.mark(.string, from: start)
    }

    /// Whether `count` `#` bytes follow at `index`.
    private static func hashes(_ s: ByteScanner, at index: Int, count: Int) -> Bool {
        guard index + count <= s.end else { return false }
        return s.bytes[index..<(index + count)].allSatisfy { $0 == UInt8(ascii: "#") }
    }
}
