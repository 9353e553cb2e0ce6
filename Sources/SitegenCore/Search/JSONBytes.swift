/// A minimal JSON writer into UTF-8 bytes, for the split search index's compact arrays of
/// numbers (JSONEncoder is far slower on millions of integers).
struct JSONBytes {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends text as it is (punctuation, keys already quoted).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a number.
    mutating func number(_ value: Int) {
        var rest = value
        if rest < 0 {
            bytes.append(UInt8(ascii: "-"))
            rest = -rest
        }
        var divisor = 1
        while divisor <= rest / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends `[a,b,…]`.
    mutating func numbers(_ values: [Int]) {
        bytes.append(UInt8(ascii: "["))
        var index = 0
        while index < values.count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            number(values[index])
            index += 1
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends a quoted string, escaping quotes, backslashes and control characters exactly as
    /// Foundation's `JSONEncoder` does (`\b \t \n \f \r`, else `\u00xx`).
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `["a","b",…]`.
    mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends bytes that are already JSON.
    mutating func json(_ encoded: [UInt8]) {
        bytes.append(contentsOf: encoded)
    }
}
