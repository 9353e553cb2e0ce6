import Foundation

/// A section's search text as UTF-8: a string, or bytes left in the mapped build cache, which a
/// rebuild reads only where a chunk must be tokenised or encoded again (no string is made for
/// the thousands of unchanged pages).
public struct SearchText: Sendable, Equatable {
    private enum Storage: Sendable {
        case string(String)
        case mapped(MappedFile, Range<Int>)
    }

    private let storage: Storage
    /// `digest`, when it was worked out as the text was made or stored with it.
    private let knownDigest: UInt64?

    /// Text held as a string.
    public init(_ string: String) {
        storage = .string(string)
        knownDigest = nil
    }

    /// Text held as a string, with its digest worked out now (as a page is rendered, on the
    /// rendering core), so the search index's keys need not read it again.
    init(hashing string: String) {
        storage = .string(string)
        knownDigest = Self.digest(of: string)
    }

    /// Text at `range` of a mapped file, which stays mapped while the text lives. The bytes are
    /// what a section file's run of texts holds from a string, valid UTF-8 unless the file was damaged:
    /// text bound for JSON goes through a string, which repairs them. `digest` is the one
    /// stored beside them.
    init(mapped file: MappedFile, range: Range<Int>, digest: UInt64? = nil) {
        storage = .mapped(file, range)
        knownDigest = digest
    }

    /// A hash of the bytes: cache keys of the search index's chunks and document blocks read
    /// it instead of the text.
    var digest: UInt64 {
        knownDigest ?? withUTF8 { Self.digest(of: $0) }
    }

    private static func digest(of string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { digest(of: $0) }
    }

    private static func digest(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = ContextHasher()
        hasher.combine(utf8: bytes)
        return hasher.value
    }

    /// Whether the bytes are still in a mapped file rather than in a string.
    var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    /// Calls `body` with the UTF-8 bytes.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .string(let string):
            return string.withUTF8Bytes(body)
        case .mapped(let file, let range):
            return body(
                UnsafeRawBufferPointer(rebasing: file.bytes[range]).bindMemory(to: UInt8.self))
        }
    }

    /// The text as a string.
    public var string: String {
        switch storage {
        case .string(let string): return string
        case .mapped: return withUTF8 { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Length in UTF-8 bytes.
    var utf8Count: Int {
        switch storage {
        case .string(let string): return string.utf8.count
        case .mapped(_, let range): return range.count
        }
    }

    public static func == (lhs: SearchText, rhs: SearchText) -> Bool {
        lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }

    /// The first `length` Unicode scalars, ending at a word break (a space) when one is within
    /// the last 39 of them, with `…` when something was cut; the whole text when it is no
    /// longer. Works on the bytes, scalar starts being those that are not continuation bytes.
    func cut(to length: Int) -> SearchText {
        withUTF8 { bytes -> SearchText in
            let end = UTF8Prefix.end(of: bytes, scalars: length)
            // Text bound for JSON goes through a string, which repairs any bytes a damaged cache
            // file may hold.
            guard end < bytes.count else {
                return isMapped ? SearchText(String(decoding: bytes, as: UTF8.self)) : self
            }
            var cutAt = end
            var after = 0
            var index = end - 1
            while index >= 0 {
                if bytes[index] & 0xC0 != 0x80 {
                    if bytes[index] == UInt8(ascii: " ") {
                        if after + 1 < 40 { cutAt = index }
                        break
                    }
                    after += 1
                }
                index -= 1
            }
            var head = Array(UnsafeBufferPointer(rebasing: bytes[..<cutAt]))
            head.append(contentsOf: "…".utf8)
            return SearchText(String(decoding: head, as: UTF8.self))
        }
    }
}
