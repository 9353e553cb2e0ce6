/// A set of ASCII words looked up by byte range without allocating, optionally ignoring ASCII case.
struct WordSet: Sendable {
    /// Words hashed by length, first and last byte into 64 buckets (lowercased when case is ignored).
    private let buckets: [[[UInt8]]]
    /// Whether lookups ignore ASCII case.
    private let ignoresCase: Bool
    /// The longest word, to reject long identifiers at once.
    private let longest: Int

    /// A set of the whitespace-separated `words`.
    init(_ words: String, ignoringCase: Bool = false) {
        var buckets = Array(repeating: [[UInt8]](), count: 64)
        var longest = 0
        for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let bytes = ignoringCase ? word.utf8.map(\.asciiLowercased) : Array(word.utf8)
            buckets[Self.slot(bytes, 0, bytes.count, ignoringCase)].append(bytes)
            longest = max(longest, bytes.count)
        }
        self.buckets = buckets
        self.ignoresCase = ignoringCase
        self.longest = longest
    }

    /// Whether `bytes[start..<stop]` is one of the words.
    func contains(_ bytes: [UInt8], _ start: Int, _ stop: Int) -> Bool {
        let count = stop - start
        guard count > 0, count <= longest, start >= 0, stop <= bytes.count else { return false }
        for word in buckets[Self.slot(bytes, start, stop, ignoresCase)] where word.count == count {
            var i = 0
            while i < count {
                let b = bytes[start + i]
                if (ignoresCase ? b.asciiLowercased : b) != word[i] { break }
                i += 1
            }
            if i == count { return true }
        }
        return false
    }

    /// The bucket for the non-empty `bytes[start..<stop]`.
    private static func slot(_ bytes: [UInt8], _ start: Int, _ stop: Int, _ fold: Bool) -> Int {
        let first = fold ? bytes[start].asciiLowercased : bytes[start]
        let last = fold ? bytes[stop - 1].asciiLowercased : bytes[stop - 1]
        return (Int(first) &* 7 &+ Int(last) &* 3 &+ (stop - start)) & 63
    }
}
