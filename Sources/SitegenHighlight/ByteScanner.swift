/// A cursor over the input's UTF-8 bytes shared by all lexers: it reads bytes, offers scanning helpers,
/// and writes the HTML as tokens are marked (bytes never marked are written as plain escaped text).
struct ByteScanner {
    /// The whole input.
    let bytes: [UInt8]
    /// Index of the next byte to read.
    var pos = 0
    /// End of the region being lexed; embedded lexers (bash after a prompt, a JSON body) narrow it.
    var end: Int
    /// The HTML written so far.
    private var html: HTMLBuffer
    /// Bytes before this index have been written to `html`.
    private var written = 0

    /// A scanner at the start of `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
        html = HTMLBuffer(capacity: bytes.count)
    }

    /// Whether the region is exhausted.
    var isAtEnd: Bool { pos >= end }

    /// The byte `offset` places after `pos`, or 0 outside the region.
    func peek(_ offset: Int = 0) -> UInt8 {
        let i = pos + offset
        return i >= 0 && i < end ? bytes[i] : 0
    }

    /// The byte before `pos`, or 0 at the start of the input.
    var previous: UInt8 { pos > 0 && pos <= bytes.count ? bytes[pos - 1] : 0 }

    /// Whether `pos` starts a line (after `\n`, or after a `\r` not followed by `\n`).
    var atLineStart: Bool {
        pos == 0 || previous == UInt8(ascii: "\n")
            || (previous == UInt8(ascii: "\r") && peek() != UInt8(ascii: "\n"))
    }

    /// Whether only spaces and tabs come before `index` on its line.
    func isFirstOnLine(_ index: Int) -> Bool {
        var i = min(index, bytes.count) - 1
        while i >= 0 && bytes[i].isBlank { i -= 1 }
        return i < 0 || bytes[i].isLineBreak
    }

    /// The index of the line break (or region end) ending the line that contains `index`.
    func lineEnd(from index: Int) -> Int {
        var i = index
        while i < end && !bytes[i].isLineBreak { i += 1 }
        return i
    }

    /// The index just past the line break (`\n`, `\r\n` or `\r`) ending the line that contains `index`.
    func nextLine(from index: Int) -> Int {
        let i = lineEnd(from: index)
        guard i < end else { return end }
        return bytes[i] == UInt8(ascii: "\r") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "\n")
            ? i + 2 : i + 1
    }

    /// Whether the region holds the bytes of `literal` at `index` (default `pos`), optionally ignoring ASCII case.
    func matches(_ literal: StaticString, at index: Int? = nil, ignoringCase: Bool = false) -> Bool
    {
        let start = index ?? pos
        return literal.withUTF8Buffer { word in
            guard start >= 0, start + word.count <= end else { return false }
            for (k, b) in word.enumerated() {
                let c = bytes[start + k]
                if (ignoringCase ? c.asciiLowercased : c) != (ignoringCase ? b.asciiLowercased : b)
                {
                    return false
                }
            }
            return true
        }
    }

    /// Whether `start..<stop` is exactly `literal`.
    func text(_ start: Int, _ stop: Int, is literal: StaticString, ignoringCase: Bool = false)
        -> Bool
    {
        stop - start == literal.utf8CodeUnitCount
            && matches(literal, at: start, ignoringCase: ignoringCase)
    }

    /// Whether `start..<stop` is one of the words in `set`.
    func text(_ start: Int, _ stop: Int, in set: WordSet) -> Bool {
        set.contains(bytes, start, stop)
    }

    /// Advances past spaces and tabs.
    mutating func skipBlanks() {
        while pos < end && bytes[pos].isBlank { pos += 1 }
    }

    /// Advances to the end of the line (the next `\n` or `\r`, or the region end).
    mutating func skipToLineEnd() { pos = lineEnd(from: pos) }

    /// Advances past identifier bytes: letters, digits, `_` and non-ASCII bytes.
    mutating func skipIdentifier() {
        while pos < end && bytes[pos].isIdentContinue { pos += 1 }
    }

    /// Writes `start..<stop` (default: up to `pos`) as a `kind` token, after writing any plain text before it.
    mutating func mark(_ kind: TokenKind, from start: Int, to stop: Int? = nil) {
        let stop = min(stop ?? pos, bytes.count)
        let start = max(start, written)
        guard start < stop else { return }
        flush(to: start)
        html.appendSpan(kind, bytes, start..<stop)
        written = stop
    }

    /// Marks from `pos` to the end of the line as a comment (or as `kind`).
    mutating func lineComment(as kind: TokenKind = .comment) {
        let start = pos
        skipToLineEnd()
        mark(kind, from: start)
    }

    /// Writes the input before `index` that is not written yet as plain text.
    mutating func flush(to index: Int) {
        let stop = min(index, bytes.count)
        guard written < stop else { return }
        html.appendEscaped(bytes, written..<stop)
        written = stop
    }

    /// Writes the rest of the input as plain text and returns the HTML.
    mutating func finish() -> String {
        flush(to: bytes.count)
        return html.string
    }
}
