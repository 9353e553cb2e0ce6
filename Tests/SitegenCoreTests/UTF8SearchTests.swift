import Foundation
import Testing

@testable import SitegenCore

/// Link and path code finds ASCII delimiters by their UTF-8 bytes: the offsets and the cut
/// halves must be those of the byte arrays, for short (inline) and long strings, ASCII or not.
@Suite struct UTF8SearchTests {
    @Test func offsetsAndCutsMatchTheBytes() {
        var generator = SeededRandom(state: 29)
        let alphabet: [String] = ["a", "#", "?", "%", "/", "é", "中", "😀", "e\u{301}", "x"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }.joined()
            let bytes = Array(text.utf8)
            for mark in ["#", "?", "%", "/"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) {
                let expected = bytes.firstIndex(of: mark)
                #expect(text.utf8Offset(of: mark) == expected, "\(text)")
                #expect(text.containsUTF8(mark) == (expected != nil))
                guard let offset = expected else { continue }
                for keeping in [false, true] {
                    let (before, after) = text.utf8Split(at: offset, keepingMark: keeping)
                    #expect(Array(before.utf8) == Array(bytes[..<offset]))
                    #expect(Array(after.utf8) == Array(bytes[(keeping ? offset : offset + 1)...]))
                }
            }
        }
        #expect("".utf8Offset(of: UInt8(ascii: "#")) == nil)
        #expect("#".utf8Split(at: 0, keepingMark: false) == ("", ""))
    }
}
