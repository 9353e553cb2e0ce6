import Foundation

/// A search term, compared, hashed and ordered by its UTF-8 bytes as the theme's JavaScript
/// compares strings (`String` alone would merge canonically equivalent spellings).
struct SearchTerm: Hashable, Comparable, Sendable {
    /// The lower-cased term.
    let text: String
    /// Whether the term is all ASCII (then `String` equality is byte equality, and fast).
    let isASCII: Bool

    /// A term whose ASCII-ness the caller knows.
    init(text: String, isASCII: Bool) {
        self.text = text
        self.isASCII = isASCII
    }

    /// A term.
    init(text: String) {
        self.init(text: text, isASCII: text.utf8.allSatisfy { $0 < 0x80 })
    }

    static func == (lhs: SearchTerm, rhs: SearchTerm) -> Bool {
        guard lhs.isASCII == rhs.isASCII else { return false }
        if lhs.isASCII { return lhs.text == rhs.text }
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard let x = a.baseAddress, let y = b.baseAddress else { return true }
                return memcmp(x, y, a.count) == 0
            }
        }
    }

    /// Byte order (`memcmp`, then length), as `lexicographicallyPrecedes` over the UTF-8
    /// would give, without iterating byte by byte.
    static func < (lhs: SearchTerm, rhs: SearchTerm) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0, let x = a.baseAddress, let y = b.baseAddress {
                    let order = memcmp(x, y, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
    }

    /// Hashes the text as `String` does: byte-equal terms are `String`-equal, so they agree.
    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }

    /// Calls `body` with the UTF-8 bytes of the first `count` Unicode scalars.
    func withPrefix<Result>(
        scalars count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        var copy = text
        return copy.withUTF8 { bytes in
            body(UnsafeBufferPointer(rebasing: bytes[..<UTF8Prefix.end(of: bytes, scalars: count)]))
        }
    }

    /// Number of Unicode scalars.
    var scalarCount: Int { text.unicodeScalars.count }
}

extension ByteInterner {
    /// Key `id` as a search term.
    func term(_ id: Int) -> SearchTerm {
        let bytes = self.bytes(id)
        return SearchTerm(
            text: String(decoding: bytes, as: UTF8.self), isASCII: bytes.allSatisfy { $0 < 0x80 })
    }
}
