/// Highlights Dockerfiles: instructions (`FROM`, `RUN`, …) as tags, `#` comment lines, shell-form
/// `RUN`/`CMD`/`ENTRYPOINT` arguments as bash, and strings, `$VAR`s, `AS` and numbers in other arguments
/// (whose `NAME=value` names are not keys).
struct DockerfileLexer {
    /// Instruction names, matched ignoring case.
    static let instructions = WordSet(
        """
        FROM RUN CMD LABEL MAINTAINER EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD
        STOPSIGNAL HEALTHCHECK SHELL
        """, ignoringCase: true)
    /// Instructions whose arguments are a shell command.
    static let shellInstructions = WordSet("RUN CMD ENTRYPOINT", ignoringCase: true)

    /// Lexes `s.pos..<s.end`.
    func lex(_ s: inout ByteScanner) {
        let regionEnd = s.end
        while !s.isAtEnd {
            while !s.isAtEnd && s.peek().isWhitespace { s.pos += 1 }
            if s.peek() == UInt8(ascii: "#") {
                s.lineComment()
                continue
            }
            var start = s.pos
            s.skipIdentifier()
            guard s.pos > start, s.text(start, s.pos, in: Self.instructions) else {
                s.skipToLineEnd()
                continue
            }
            s.mark(.tag, from: start)
            if s.text(start, s.pos, is: "ONBUILD", ignoringCase: true) {
                s.skipBlanks()
                let inner = s.pos
                s.skipIdentifier()
                if s.text(inner, s.pos, in: Self.instructions) {
                    s.mark(.tag, from: inner)
                    start = inner
                } else {
                    s.pos = inner
                }
            }
            let stop = instructionEnd(s)
            s.end = stop
            if s.text(start, s.pos, in: Self.shellInstructions) {
                var bash = BashLexer()
                bash.lex(&s)
            } else {
                arguments(&s, isFrom: s.text(start, s.pos, is: "FROM", ignoringCase: true))
            }
            s.end = regionEnd
            s.pos = stop
        }
    }

    /// The end of the instruction starting on the current line: lines ending in `\` continue it, and
    /// comment or blank lines inside a continuation are skipped.
    private func instructionEnd(_ s: ByteScanner) -> Int {
        var line = s.pos
        while true {
            let lineEnd = s.lineEnd(from: line)
            var last = lineEnd
            while last > line && s.bytes[last - 1].isBlank { last -= 1 }
            guard last > line, s.bytes[last - 1] == UInt8(ascii: "\\"), lineEnd < s.end else {
                return lineEnd
            }
            line = s.nextLine(from: line)
            while line < s.end {
                var first = line
                while first < s.end && s.bytes[first].isBlank { first += 1 }
                guard
                    first == s.end || s.bytes[first].isLineBreak
                        || s.bytes[first] == UInt8(ascii: "#")
                else { break }
                line = s.nextLine(from: line)
            }
        }
    }

    /// Lexes non-shell arguments in `s.pos..<s.end`: comment lines, strings, variables, numbers, `AS`.
    private func arguments(_ s: inout ByteScanner, isFrom: Bool) {
        while !s.isAtEnd {
            let b = s.peek()
            let start = s.pos
            if b == UInt8(ascii: "#") && s.isFirstOnLine(s.pos) {
                s.lineComment()
            } else if b == UInt8(ascii: "\"") {
                BashLexer.doubleQuoted(&s)
            } else if b == UInt8(ascii: "'") {
                s.skipQuoted(escapes: false, multiline: false)
                s.mark(.string, from: start)
            } else if b == UInt8(ascii: "$") {
                if !BashLexer.variable(&s) { s.pos += 1 }
            } else if b == UInt8(ascii: "\\") {
                s.pos = min(s.pos + 2, s.end)
            } else if b.isWhitespace || b == UInt8(ascii: "=") {
                s.pos += 1
            } else {
                while !s.isAtEnd && !s.peek().isWhitespace && !"\"'$=\\".utf8.contains(s.peek()) {
                    s.pos += 1
                }
                if s.bytes[start..<s.pos].allSatisfy(\.isDigit) {
                    s.mark(.number, from: start)
                } else if isFrom && s.text(start, s.pos, is: "AS", ignoringCase: true) {
                    s.mark(.keyword, from: start)
                }
            }
        }
    }
}
