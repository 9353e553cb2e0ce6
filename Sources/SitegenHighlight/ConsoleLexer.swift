/// Highlights shell sessions: a line starting with a `$ ` or `# ` prompt gets the prompt as a prompt token
/// and the rest of the line highlighted as bash; every other line is output and stays plain.
struct ConsoleLexer {
    /// Lexes `s.pos..<s.end` line by line.
    func lex(_ s: inout ByteScanner) {
        let regionEnd = s.end
        while !s.isAtEnd {
            let lineStart = s.pos
            let lineEnd = s.lineEnd(from: lineStart)
            let next = s.nextLine(from: lineStart)
            let first = s.peek()
            if (first == UInt8(ascii: "$") || first == UInt8(ascii: "#"))
                && s.peek(1) == UInt8(ascii: " ")
            {
                s.pos += 2
                s.mark(.prompt, from: lineStart)
                s.end = lineEnd
                var bash = BashLexer()
                bash.lex(&s)
                s.end = regionEnd
            }
            s.pos = next
        }
    }
}
