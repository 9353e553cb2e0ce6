import Testing

@testable import SitegenCore

/// Terms sort by their UTF-8 bytes, as the theme's JavaScript compares the split index's keys.
@Suite struct SearchTermOrderTests {
    @Test func aPrefixIsTheBytesOfTheFirstScalars() {
        for text in ["", "a", "cache", "naïve", "数据库索引", "σίσυφος", "🚀launch", "e\u{301}x"] {
            for count in 0...6 {
                let expected = Array(
                    String(String.UnicodeScalarView(text.unicodeScalars.prefix(count))).utf8)
                SearchTerm(text: text).withPrefix(scalars: count) {
                    #expect(Array($0) == expected, "\(text) \(count)")
                }
            }
        }
    }

    static let words = [
        "", "a", "ab", "abc", "abd", "b", "z", "zz", "_", "0", "9", "é", "e\u{301}", "ß", "σ",
        "日本", "日", "a\u{0}", "ä", "ab\u{1F600}", "abcdefghijklmnopq", "abcdefghijklmnopr",
        "abcdefghijklmnop",
    ]

    @Test func orderIsUTF8ByteOrder() {
        for left in Self.words {
            for right in Self.words {
                let expected = left.utf8.lexicographicallyPrecedes(right.utf8)
                #expect(
                    (SearchTerm(text: left) < SearchTerm(text: right)) == expected,
                    "\(left.debugDescription) < \(right.debugDescription)")
            }
        }
    }

    @Test func canonicallyEquivalentSpellingsStayApart() {
        let composed = SearchTerm(text: "é")
        let decomposed = SearchTerm(text: "e\u{301}")
        #expect(decomposed < composed, "e (0x65) sorts before é (0xC3)")
        #expect(!(composed < decomposed))
    }
}
