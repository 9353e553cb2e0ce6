/// Highlights shell code: keywords and builtins in command position, `function name`/`name()` definitions,
/// strings, `$VAR`/`${VAR}` (also inside double quotes), `NAME=` assignments, comments, heredoc bodies,
/// and numbers that stand alone.
struct BashLexer {
    /// Reserved words, highlighted in command position (and `in` after `for`/`select`/`case`).
    static let keywords = WordSet(
        """
        if then else elif fi for while until do done case esac in function select return break continue time coproc
        """)
    /// Keywords after which a command follows.
    static let commandKeywords = WordSet("if then else elif do while until time coproc")
    /// Builtins whose arguments may be `NAME=value` assignments.
    static let declarations = WordSet("export local declare readonly typeset")
    /// Builtin commands and `true`/`false`.
    static let builtins = WordSet(
        """
        alias bg bind builtin caller cd command compgen complete declare dirs disown echo enable eval exec exit
        export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read
        readarray readonly set shift shopt source suspend test times trap true type typeset ulimit umask unalias
        unset wait
        """)

    /// Whether the next word is in command position.
    private var command = true
    /// Whether a `NAME=value` word is being read, after which a command may follow.
    private var assigning = false
    /// Whether the command is a declaration builtin (`export`, `local`, …) whose `NAME=` arguments are variables.
    private var declaring = false
    /// Whether `in` is expected (after `for`, `select` or `case`).
    private var expectsIn = false
    /// The delimiter range and tab stripping of a heredoc whose body starts on the next line.
    var heredoc: (delimiter: Range<Int>, stripsTabs: Bool)?

    /// Lexes `s.pos..<s.end`.
    mutating func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            let b = s.peek()
            switch b {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                s.pos += 1
                startCommand()
                expectsIn = false
                if let pending = heredoc, s.atLineStart { heredocBody(&s, pending) }
            case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "`"):
                s.pos += 1
                startCommand()
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                s.pos += 1
                if assigning { startCommand() }
            case UInt8(ascii: "#") where s.isFirstOnLine(s.pos) || Self.endsWord(s.previous):
                s.lineComment()
            case UInt8(ascii: "'"):
                let start = s.pos
                s.skipQuoted(escapes: false, multiline: true)
                s.mark(.string, from: start)
                command = false
            case UInt8(ascii: "\""):
                Self.doubleQuoted(&s)
                command = false
            case UInt8(ascii: "$"):
                if !Self.variable(&s) { s.pos += 1 }
                command = false
            case UInt8(ascii: "\\"):
                s.pos = min(s.pos + 2, s.end)
            case UInt8(ascii: "<")
            where s.peek(1) == UInt8(ascii: "<") && s.peek(2) != UInt8(ascii: "<"):
                heredocStart(&s)
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                s.pos += 1
            default:
                word(&s)
            }
        }
    }

    /// Puts the next word in command position.
    private mutating func startCommand() {
        command = true
        assigning = false
        declaring = false
    }

    /// Whether a word ends before `b`, so a `#` after it starts a comment.
    private static func endsWord(_ b: UInt8) -> Bool {
        b == 0 || b.isWhitespace || b == UInt8(ascii: ";") || b == UInt8(ascii: "|")
            || b == UInt8(ascii: "&")
            || b == UInt8(ascii: "(")
    }

    /// Whether `b` belongs to a bare word.
    private static func isWordByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
            UInt8(ascii: ";"),
            UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "\""),
            UInt8(ascii: "$"),
            UInt8(ascii: "\\"):
            return false
        default:
            return true
        }
    }

    /// Lexes a bare word: keyword, builtin, function definition, assignment, number, or plain.
    private mutating func word(_ s: inout ByteScanner) {
        let start = s.pos
        var equals: Int?
        while !s.isAtEnd && Self.isWordByte(s.peek()) {
            if equals == nil && s.peek() == UInt8(ascii: "=") { equals = s.pos }
            s.pos += 1
        }
        let stop = s.pos
        if stop == start {
            s.pos += 1
            return
        }
        if let equals, command || declaring, equals > start, s.bytes[start].isIdentStart,
            s.bytes[start..<equals].allSatisfy(\.isASCIIWordByte)
        {
            s.mark(.variable, from: start, to: equals)
            assigning = command
            command = false
        } else if expectsIn && s.text(start, stop, is: "in") {
            s.mark(.keyword, from: start)
            expectsIn = false
        } else if command && s.text(start, stop, in: Self.keywords) {
            s.mark(.keyword, from: start)
            command = s.text(start, stop, in: Self.commandKeywords)
            expectsIn =
                s.text(start, stop, is: "for") || s.text(start, stop, is: "select")
                || s.text(start, stop, is: "case")
            if s.text(start, stop, is: "function") {
                s.skipBlanks()
                let name = s.pos
                while !s.isAtEnd && Self.isWordByte(s.peek()) { s.pos += 1 }
                s.mark(.function, from: name)
            }
        } else if command && s.peek() == UInt8(ascii: "(") && s.peek(1) == UInt8(ascii: ")") {
            s.mark(.function, from: start)
        } else if command && s.text(start, stop, in: Self.builtins) {
            s.mark(.builtin, from: start)
            command = false
            declaring = s.text(start, stop, in: Self.declarations)
        } else if command && (s.text(start, stop, is: "{") || s.text(start, stop, is: "!")) {
            return
        } else {
            if s.bytes[start..<stop].allSatisfy(\.isDigit) { s.mark(.number, from: start) }
            command = false
        }
    }
}
