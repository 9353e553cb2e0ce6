import Testing

@testable import SitegenCore

/// The tokenizer's byte loop must split exactly as a scalar-by-scalar reading does: runs of
/// word scalars, lower-cased (ASCII in place, the rest through `String.lowercased()` and split
/// again, final sigma folded).
@Suite struct SearchTokenizerTests {
    static func reference(_ text: String) -> [String] {
        var terms: [String] = []
        var run = String.UnicodeScalarView()
        func flush() {
            guard !run.isEmpty else { return }
            let word = String(run)
            if word.unicodeScalars.allSatisfy(\.isASCII) {
                terms.append(word.lowercased())
            } else {
                var current = String.UnicodeScalarView()
                for scalar in word.lowercased().unicodeScalars {
                    if SearchTokenizer.isWord(scalar) {
                        current.append(scalar == "\u{03C2}" ? "\u{03C3}" : scalar)
                    } else if !current.isEmpty {
                        terms.append(String(current))
                        current = String.UnicodeScalarView()
                    }
                }
                if !current.isEmpty { terms.append(String(current)) }
            }
            run = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if SearchTokenizer.isWord(scalar) { run.append(scalar) } else { flush() }
        }
        flush()
        return terms
    }

    @Test func splitsAsAScalarByScalarReadingDoes() {
        let pieces = [
            "a", "Z", "q", "0", "_", " ", "-", ".", "'", "\n", "é", "É", "ß", "İ", "Σ", "ς", "東",
            "😀", "e\u{301}", "½", "\u{00A0}", "ǅ", "Ⅻ", "word", "CamelCase", "x2",
        ]
        var generator = SeededRandom(state: 7)
        for _ in 0..<3000 {
            let count = Int.random(in: 0..<16, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined()
            #expect(
                SearchTokenizer.terms(in: text).map { Array($0.utf8) }
                    == Self.reference(text).map { Array($0.utf8) }, "\(text.debugDescription)")
        }
    }
}
