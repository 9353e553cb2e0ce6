/// Literal scanning shared by the lexers: numbers, quoted strings, delimited comments, numeric scalars.
extension ByteScanner {
    /// Advances past a number: `0x`/`0o`/`0b` prefixes, digits, letters, `_`, a `.` before a digit,
    /// and a signed exponent.
    mutating func skipNumber() {
        var radix = false
        let prefix = peek(1) | 0x20
        if peek() == UInt8(ascii: "0")
            && (prefix == UInt8(ascii: "x") || prefix == UInt8(ascii: "o")
                || prefix == UInt8(ascii: "b"))
        {
            pos += 2
            radix = true
        }
        while !isAtEnd {
            let b = bytes[pos]
            if b.isASCIIWordByte {
                let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")
                pos += !radix && (b | 0x20) == UInt8(ascii: "e") && sign && peek(2).isDigit ? 2 : 1
            } else if b == UInt8(ascii: "."), peek(1).isDigit {
                pos += 1
            } else {
                break
            }
        }
    }

    /// Advances past the string whose opening quote is at `pos`: `\` escapes the next byte when `escapes`,
    /// and an unterminated string stops before a line break unless `multiline` (or at the region end).
    mutating func skipQuoted(escapes: Bool, multiline: Bool) {
        let quote = peek()
        pos += 1
        while !isAtEnd {
            let b = bytes[pos]
            if escapes && b == UInt8(ascii: "\\") {
                pos = min(pos + 2, end)
            } else if b == quote {
                pos += 1
                return
            } else if !multiline && b.isLineBreak {
                return
            } else {
                pos += 1
            }
        }
    }

    /// Advances past the next `terminator`, or to the region end.
    mutating func skip(past terminator: StaticString) {
        while !isAtEnd {
            if matches(terminator) {
                pos += terminator.utf8CodeUnitCount
                return
            }
            pos += 1
        }
    }

    /// Whether `start..<stop` is a decimal, hex, or float number, optionally signed, with `_` separators.
    func looksNumeric(_ start: Int, _ stop: Int) -> Bool {
        var i = start
        if i < stop && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
        if i + 2 < stop && bytes[i] == UInt8(ascii: "0") && bytes[i + 1] | 0x20 == UInt8(ascii: "x")
        {
            return bytes[(i + 2)..<stop].allSatisfy { $0.isHexDigit || $0 == UInt8(ascii: "_") }
        }
        var digits = 0, dot = false, exponent = false
        while i < stop {
            let b = bytes[i]
            if b.isDigit {
                digits += 1
            } else if b == UInt8(ascii: "_") && digits > 0 {
            } else if b == UInt8(ascii: ".") && !dot && !exponent {
                dot = true
            } else if b | 0x20 == UInt8(ascii: "e") && digits > 0 && !exponent {
                exponent = true
                digits = 0
                if i + 1 < stop
                    && (bytes[i + 1] == UInt8(ascii: "+") || bytes[i + 1] == UInt8(ascii: "-"))
                {
                    i += 1
                }
            } else {
                return false
            }
            i += 1
        }
        return digits > 0
    }
}
