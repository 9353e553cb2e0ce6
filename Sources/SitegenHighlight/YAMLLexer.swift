/// Highlights YAML: keys, comments, quoted strings, block scalar bodies (`|`, `>`), anchors and aliases
/// (`&a`, `*a`) as variables, tags (`!Ref`), and plain scalars that are constants or numbers.
struct YAMLLexer {
    /// Plain scalars that are constants (YAML 1.1 and 1.2 booleans and nulls).
    static let constants = WordSet("true false null yes no on off ~", ignoringCase: true)
    /// Plain scalars that are special floats.
    static let specialNumbers = WordSet(".inf -.inf +.inf .nan", ignoringCase: true)

    /// The indentation a line must exceed to continue the open block scalar, if any.
    private var blockParent: Int?
    /// The indentation that a block scalar starting on this line must exceed.
    private var lineParent = 0
    /// How many flow collections (`[`, `{`) are open.
    private var flowDepth = 0

    /// Lexes `s.pos..<s.end`.
    mutating func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            if s.atLineStart && lineStart(&s) { continue }
            if !s.isAtEnd { value(&s) }
        }
    }

    /// Handles a line's start: block scalar bodies, comments, `- ` and keys; true when the line is done.
    private mutating func lineStart(_ s: inout ByteScanner) -> Bool {
        let start = s.pos
        s.skipBlanks()
        let indent = s.pos - start
        if let parent = blockParent {
            if s.isAtEnd || s.peek().isLineBreak { return false }
            if indent > parent {
                s.lineComment(as: .string)
                return true
            }
            blockParent = nil
        }
        guard flowDepth == 0 else { return false }
        lineParent = indent
        if s.peek() == UInt8(ascii: "#") {
            s.lineComment()
            return true
        }
        if indent == 0 && (s.matches("---") || s.matches("..."))
            && (s.peek(3).isWhitespace || s.peek(3) == 0)
        {
            s.pos += 3
            return false
        }
        while s.peek() == UInt8(ascii: "-") && (s.peek(1).isWhitespace || s.peek(1) == 0) {
            s.pos += 1
            s.skipBlanks()
        }
        if let keyEnd = keyEnd(s) {
            lineParent = s.pos - start
            s.mark(.attribute, from: s.pos, to: keyEnd)
            s.pos = keyEnd
        }
        return false
    }

    /// The end of a block mapping key (plain or quoted, followed by `:` and a blank) at `s.pos`, if any.
    private func keyEnd(_ s: ByteScanner) -> Int? {
        var i = s.pos
        let first = s.peek()
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var probe = s
            probe.skipQuoted(escapes: first == UInt8(ascii: "\""), multiline: false)
            while probe.peek() == UInt8(ascii: "'") && first == UInt8(ascii: "'") {
                probe.skipQuoted(escapes: false, multiline: false)
            }
            guard probe.previous == first && probe.pos > s.pos + 1 else { return nil }
            let stop = probe.pos
            probe.skipBlanks()
            return probe.peek() == UInt8(ascii: ":")
                && (probe.peek(1).isWhitespace || probe.peek(1) == 0) ? stop : nil
        }
        if first == 0 || first.isWhitespace || "#&*!|>%@`'\"".utf8.contains(first)
            || first.isFlowIndicator
        {
            return nil
        }
        while i < s.end && !s.bytes[i].isLineBreak {
            let b = s.bytes[i]
            if b == UInt8(ascii: ":") && (i + 1 == s.end || s.bytes[i + 1].isWhitespace) {
                while i > s.pos && s.bytes[i - 1].isBlank { i -= 1 }
                return i
            }
            if b == UInt8(ascii: "#") && s.bytes[i - 1].isBlank { return nil }
            i += 1
        }
        return nil
    }

    /// Lexes one token (or byte) of a value.
    private mutating func value(_ s: inout ByteScanner) {
        let b = s.peek()
        let start = s.pos
        let next = s.peek(1)
        if b == UInt8(ascii: "#") && (s.isFirstOnLine(s.pos) || s.previous.isBlank) {
            s.lineComment()
        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            s.skipQuoted(escapes: b == UInt8(ascii: "\""), multiline: true)
            while b == UInt8(ascii: "'") && s.peek() == b {
                s.skipQuoted(escapes: false, multiline: true)
            }
            s.mark(flowDepth > 0 && isFlowKey(s, at: s.pos) ? .attribute : .string, from: start)
        } else if (b == UInt8(ascii: "&") || b == UInt8(ascii: "*") || b == UInt8(ascii: "!"))
            && !next.isWhitespace && next != 0
        {
            s.pos += 1
            while !s.isAtEnd && !s.peek().isWhitespace && !s.peek().isFlowIndicator { s.pos += 1 }
            s.mark(b == UInt8(ascii: "!") ? .tag : .variable, from: start)
        } else if (b == UInt8(ascii: "|") || b == UInt8(ascii: ">")) && flowDepth == 0 {
            s.pos += 1
            while s.peek() == UInt8(ascii: "-") || s.peek() == UInt8(ascii: "+") || s.peek().isDigit
            { s.pos += 1 }
            if s.peek().isWhitespace || s.peek() == 0 || s.peek() == UInt8(ascii: "#") {
                blockParent = lineParent
            }
        } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
            flowDepth += 1
            s.pos += 1
        } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
            flowDepth = max(0, flowDepth - 1)
            s.pos += 1
        } else if b == UInt8(ascii: ":") && (next.isWhitespace || next == 0 || next.isFlowIndicator)
        {
            s.pos += 1
        } else if b.isWhitespace || b == UInt8(ascii: ",") {
            s.pos += 1
        } else {
            scalar(&s)
        }
    }

    /// Whether the next non-blank byte after `index` is a `:` ending a flow mapping key.
    private func isFlowKey(_ s: ByteScanner, at index: Int) -> Bool {
        var i = index
        while i < s.end && s.bytes[i].isBlank { i += 1 }
        return i < s.end && s.bytes[i] == UInt8(ascii: ":")
    }

    /// Lexes a plain scalar at `s.pos`: a flow key, a constant, a number, or plain text.
    private mutating func scalar(_ s: inout ByteScanner) {
        let start = s.pos
        var isKey = false
        while !s.isAtEnd {
            let b = s.peek()
            if b.isLineBreak || (b == UInt8(ascii: "#") && s.previous.isBlank) { break }
            if flowDepth > 0 && b.isFlowIndicator { break }
            if flowDepth > 0 && b == UInt8(ascii: ":")
                && (s.peek(1).isWhitespace || s.peek(1).isFlowIndicator)
            {
                isKey = true
                break
            }
            s.pos += 1
        }
        if s.pos == start { s.pos += 1 }
        var stop = s.pos
        while stop > start && s.bytes[stop - 1].isBlank { stop -= 1 }
        if isKey {
            s.mark(.attribute, from: start, to: stop)
        } else if s.text(start, stop, in: Self.constants) {
            s.mark(.builtin, from: start, to: stop)
        } else if s.looksNumeric(start, stop) || s.text(start, stop, in: Self.specialNumbers) {
            s.mark(.number, from: start, to: stop)
        }
    }
}
