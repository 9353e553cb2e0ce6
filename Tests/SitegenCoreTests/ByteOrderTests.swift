import Foundation
import Testing

@testable import SitegenCore

/// Cache saves sort paths by their UTF-8 bytes: the order must be the bytes' order, for ASCII
/// and other text alike, and a sorted dictionary must keep every entry.
@Suite struct ByteOrderTests {
    @Test func stringsSortByTheirUTF8Bytes() {
        var generator = SeededRandom(state: 11)
        let alphabet: [String] = ["a", "b", "z", "A", "/", "-", "é", "e\u{301}", "中", "😀", ""]
        let strings = (0..<400).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }.joined()
        }
        for (left, right) in zip(strings, strings.reversed()) {
            #expect(
                ByteOrder.precedes(left, right)
                    == Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)),
                "\(left) \(right)")
        }
        // "é" as one scalar (C3 A9) sorts after "e" + U+0301 (65 CC 81) by bytes.
        #expect(ByteOrder.precedes("e\u{301}", "\u{E9}"))
        #expect(!ByteOrder.precedes("\u{E9}", "e\u{301}"))
        #expect(!ByteOrder.precedes("same", "same"))
        #expect(ByteOrder.precedes("", "a") && !ByteOrder.precedes("a", ""))
    }

    @Test func sortingByPrefixWordsGivesTheBytesOrder() {
        var generator = SeededRandom(state: 29)
        // Long shared prefixes (past the sixteen bytes read as words), NUL bytes, and lengths
        // around eight and sixteen.
        let alphabet: [String] = ["a", "b", "/", "-", "\u{0}", "é", "中", "docs/guide/", "x"]
        let strings = (0..<600).map { _ in
            (0..<Int.random(in: 0...9, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }.joined()
        }
        let expected = strings.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(ByteOrder.sorted(strings).map { Array($0.utf8) } == expected.map { Array($0.utf8) })
        #expect(ByteOrder.sorted([]).isEmpty)
    }
}
