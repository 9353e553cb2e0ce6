/// Highlights Python: keywords, builtins, `def`/`class` names, decorators, comments, numbers, and strings
/// (prefixed, triple-quoted, and f-strings whose `{…}` fields are lexed as code).
struct PythonLexer {
    /// Whether f-string fields are lexed as code; off inside a field, so nesting stays one level deep.
    var interpolates = true

    /// Reserved words.
    static let keywords = WordSet(
        """
        and as assert async await break class continue def del elif else except finally for from global
        if import in is lambda nonlocal not or pass raise return try while with yield
        """)
    /// Words that are keywords only when they open a statement.
    static let softKeywords = WordSet("match case")
    /// Constants, builtin functions and types, common exceptions, and `self`/`cls`.
    static let builtins = WordSet(
        """
        True False None NotImplemented Ellipsis __name__ __file__ self cls
        abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex
        delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr
        hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next
        object oct open ord pow print property range repr reversed round set setattr slice sorted
        staticmethod str sum super tuple type vars zip
        BaseException Exception ArithmeticError AssertionError AttributeError ImportError IndexError
        KeyError LookupError ModuleNotFoundError NameError NotImplementedError OSError RuntimeError
        StopIteration TimeoutError TypeError ValueError ZeroDivisionError
        """)

    /// Lexes `s.pos..<s.end`.
    func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            let b = s.peek()
            if b == UInt8(ascii: "#") {
                s.lineComment()
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                string(&s, from: s.pos, formatted: false)
            } else if b.isIdentStart {
                word(&s)
            } else if b.isDigit || (b == UInt8(ascii: ".") && s.peek(1).isDigit) {
                let start = s.pos
                s.skipNumber()
                s.mark(.number, from: start)
            } else if b == UInt8(ascii: "@") && s.peek(1).isIdentStart && s.isFirstOnLine(s.pos) {
                let start = s.pos
                s.pos += 1
                while s.peek().isIdentContinue
                    || (s.peek() == UInt8(ascii: ".") && s.peek(1).isIdentStart)
                { s.pos += 1 }
                s.mark(.decorator, from: start)
            } else {
                s.pos += 1
            }
        }
    }

    /// Lexes an identifier: a string prefix, keyword, builtin, or a plain name.
    private func word(_ s: inout ByteScanner) {
        let start = s.pos
        s.skipIdentifier()
        let stop = s.pos
        let next = s.peek()
        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "'"),
            let formatted = stringPrefix(s, start, stop)
        {
            string(&s, from: start, formatted: formatted)
            return
        }
        if start > 0 && s.bytes[start - 1] == UInt8(ascii: ".") { return }
        if s.text(start, stop, in: Self.keywords) {
            s.mark(.keyword, from: start)
            if s.text(start, stop, is: "def") { name(&s, .function) }
            if s.text(start, stop, is: "class") { name(&s, .builtin) }
        } else if s.text(start, stop, in: Self.builtins) {
            s.mark(.builtin, from: start)
        } else if s.text(start, stop, in: Self.softKeywords) && next == UInt8(ascii: " ")
            && s.isFirstOnLine(start)
        {
            var after = stop
            while after < s.end && s.bytes[after].isBlank { after += 1 }
            let b = after < s.end ? s.bytes[after] : 0
            if b != UInt8(ascii: "=") && b != UInt8(ascii: ".") && b != UInt8(ascii: "(")
                && !b.isLineBreak && b != 0
            {
                s.mark(.keyword, from: start)
            }
        }
    }

    /// Marks the identifier after the keyword just read (skipping blanks) as `kind`.
    private func name(_ s: inout ByteScanner, _ kind: TokenKind) {
        s.skipBlanks()
        guard s.peek().isIdentStart else { return }
        let start = s.pos
        s.skipIdentifier()
        s.mark(kind, from: start)
    }

    /// Whether `start..<stop` is a string prefix (`r`, `b`, `u`, `f`, `t`, `rb`, `fr`, …): nil when it is not,
    /// else whether it makes an f-string (or t-string).
    private func stringPrefix(_ s: ByteScanner, _ start: Int, _ stop: Int) -> Bool? {
        guard stop - start <= 2 else { return nil }
        var formatted = false
        for b in s.bytes[start..<stop] {
            switch b.asciiLowercased {
            case UInt8(ascii: "f"), UInt8(ascii: "t"): formatted = true
            case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "u"): break
            default: return nil
            }
        }
        return formatted
    }

    /// Lexes a string whose prefix starts at `start` and whose opening quote is at `s.pos`.
    private func string(_ s: inout ByteScanner, from start: Int, formatted: Bool) {
        let quote = s.peek()
        let triple = s.peek(1) == quote && s.peek(2) == quote
        s.pos += triple ? 3 : 1
        var piece = start
        while !s.isAtEnd {
            let b = s.peek()
            if b == UInt8(ascii: "\\") {
                s.pos = min(s.pos + 2, s.end)
            } else if b == quote {
                if !triple || (s.peek(1) == quote && s.peek(2) == quote) {
                    s.pos += triple ? 3 : 1
                    break
                }
                s.pos += 1
            } else if b.isLineBreak && !triple {
                break
            } else if formatted && (b == UInt8(ascii: "{") || b == UInt8(ascii: "}"))
                && s.peek(1) == b
            {
                s.pos += 2
            } else if formatted && interpolates && b == UInt8(ascii: "{") {
                s.mark(.string, from: piece)
                PythonFormatField(quote: quote, triple: triple).lex(&s)
                piece = s.pos
            } else {
                s.pos += 1
            }
        }
        s.mark(.string, from: piece)
    }
}
