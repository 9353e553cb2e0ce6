/// ASCII byte classes shared by the lexers; bytes ≥ 0x80 (UTF-8 lead and continuation bytes) count as
/// identifier bytes, so token boundaries never fall inside a multi-byte character.
extension UInt8 {
    /// `0`–`9`.
    var isDigit: Bool { self &- 48 < 10 }

    /// `a`–`z` or `A`–`Z`.
    var isLetter: Bool { (self | 0x20) &- 97 < 26 }

    /// `A`–`Z`.
    var isUppercase: Bool { self &- 65 < 26 }

    /// `0`–`9`, `a`–`f` or `A`–`F`.
    var isHexDigit: Bool { isDigit || (self | 0x20) &- 97 < 6 }

    /// A letter, `_` or any non-ASCII byte: may start an identifier.
    var isIdentStart: Bool { isLetter || self == 95 || self >= 0x80 }

    /// An identifier byte: `isIdentStart` or a digit.
    var isIdentContinue: Bool { isIdentStart || isDigit }

    /// An ASCII letter, digit or `_` (never part of a multi-byte character).
    var isASCIIWordByte: Bool { isLetter || isDigit || self == 95 }

    /// Space or tab.
    var isBlank: Bool { self == 32 || self == 9 }

    /// `\n` or `\r`.
    var isLineBreak: Bool { self == 10 || self == 13 }

    /// Space, tab, line break, vertical tab or form feed.
    var isWhitespace: Bool { isBlank || isLineBreak || self == 11 || self == 12 }

    /// The ASCII lowercase form of this byte; other bytes are unchanged.
    var asciiLowercased: UInt8 { isUppercase ? self | 0x20 : self }

    /// The ASCII uppercase form of this byte; other bytes are unchanged.
    var asciiUppercased: UInt8 { self &- 97 < 26 ? self & 0xDF : self }

    /// One of `,[]{}`: YAML flow indicators.
    var isFlowIndicator: Bool {
        self == UInt8(ascii: ",") || self == UInt8(ascii: "[") || self == UInt8(ascii: "]")
            || self == UInt8(ascii: "{") || self == UInt8(ascii: "}")
    }

    /// A byte of an HTTP header-name token (RFC 9110 `tchar`).
    var isHTTPTokenByte: Bool {
        if isLetter || isDigit { return true }
        switch self {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
            UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
