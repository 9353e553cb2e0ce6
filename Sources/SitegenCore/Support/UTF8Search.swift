import Foundation

/// Byte searches on a string's UTF-8, for URL delimiters (`#`, `?`, `%`, `&`) and path
/// separators, which are ASCII bytes: `memchr` on the contiguous bytes, where the generic
/// `UTF8View.firstIndex(of:)` and `contains(_:)` stepped through string indices one at a time.
extension String {
    /// Calls `body` with the string's UTF-8 bytes where the string keeps them (no copy, no
    /// retain); only a string without contiguous UTF-8 is copied first, as `withUTF8` does.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return try text.withUTF8(body)
    }

    /// The UTF-8 offset of the first `byte`, or nil.
    func utf8Offset(of byte: UInt8) -> Int? {
        withUTF8Bytes { bytes -> Int? in
            guard let base = bytes.baseAddress,
                let found = memchr(base, Int32(byte), bytes.count)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The UTF-8 offset of the last `byte`, or nil.
    func lastUTF8Offset(of byte: UInt8) -> Int? {
        withUTF8Bytes { bytes -> Int? in
            var index = bytes.count - 1
            while index >= 0, bytes[index] != byte { index -= 1 }
            return index >= 0 ? index : nil
        }
    }

    /// The string's UTF-8 bytes before offset `offset`, and those after it, as strings.
    func utf8Parts(around offset: Int) -> (before: String, after: String) {
        utf8Split(at: offset, keepingMark: false)
    }

    /// Whether the UTF-8 bytes hold `byte`.
    func containsUTF8(_ byte: UInt8) -> Bool { utf8Offset(of: byte) != nil }

    /// The string cut at the ASCII byte at UTF-8 offset `offset`: what comes before it, and
    /// what comes after it (starting with the byte itself when `keepingMark`).
    func utf8Split(at offset: Int, keepingMark: Bool) -> (String, String) {
        withUTF8Bytes { bytes in
            (
                String(decoding: bytes[..<offset], as: UTF8.self),
                String(decoding: bytes[(keepingMark ? offset : offset + 1)...], as: UTF8.self)
            )
        }
    }
}
