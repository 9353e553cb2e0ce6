/// String literal scanning for `SwiftLexer`: plain, multi-line and raw strings with `\(…)` interpolation.
extension SwiftLexer {
    /// Lexes string text from `s.pos` (marked from `start`) up to the closing delimiter, or up to a `\(`
    /// whose code the main loop lexes until the matching `)`; `hashes` counts a raw string's `#`s.
    mutating func string(_ s: inout ByteScanner, from start: Int, hashes: Int, multiline: Bool) {
        while !s.isAtEnd {
            let b = s.peek()
            if b.isLineBreak && !multiline { break }
            if b == UInt8(ascii: "\\") && Self.hashes(s, at: s.pos + 1, count: hashes) {
                let after = s.pos + 1 + hashes
                if after < s.end && s.bytes[after] == UInt8(ascii: "(") {
                    s.mark(.string, from: start)
                    s.pos = after + 1
                    beginInterpolation(hashes: hashes, multiline: multiline)
                    return
                }
                s.pos = min(after + 1, s.end)
                continue
            }
            let closing = multiline
                ? b == UInt8(ascii: "\"") && s.peek(1) == b && s.peek(2) == b && Self.hashes(s, at: s.pos + 3, count: hashes)
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
