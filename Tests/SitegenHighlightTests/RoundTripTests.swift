import Foundation
import Testing

@testable import SitegenHighlight

@Suite struct RoundTripTests {
    /// The canonical name of every language.
    static let languages = [
        "python", "bash", "console", "yaml", "json", "sql", "dockerfile", "toml", "ini",
        "javascript", "http", "swift",
    ]

    @Test func everyHubCodeBlockRoundTripsInEveryLanguage() throws {
        let blocks = try HighlightCheck.contentCodeBlocks()
        #expect(blocks.count > 20)
        let fenced = Set(blocks.compactMap { $0.info.split(separator: " ").first.map(String.init) })
        #expect(
            fenced.isSuperset(of: [
                "python", "bash", "console", "yaml", "json", "sql", "dockerfile", "toml", "http",
            ]))
        for block in blocks {
            for language in Self.languages { HighlightCheck.expectRoundTrip(block.code, language) }
        }
    }

    /// Inputs that end in the middle of a token or mix line endings, encodings and control bytes.
    static let tricky = [
        "", "\n", "\r\n", "\r", "\t", " ", "\"", "'", "`", "\\", "$", "#", "@", "{", "}", "(", ")",
        "[", "]", "<", ">", "&",
        "\"unterminated", "'unterminated\nnext", "\"\"\"never closed\nstill string", "'''x",
        "`tpl ${a", "`tpl ${ {",
        "/* open comment", "x = \"é\" # 😀 comment", "caf\u{e9} na\u{ef}ve 日本語 😀👍🏽",
        "a\r\nb\r\n\"c\r\nd\"\r\n",
        "line1\rline2\r\"x\ry\"", "\ttabs\t=\t1\n\t- item", "\u{0}nul\u{0}\"\u{0}\"", "f\"{",
        "f'{x!r:>{w}}'", "f\"{'a'",
        "\"\\(", "\"\\(x", "#\"raw", "###", "#\"\"\"", "\"\"\"\n\\(a(b)", "${", "$((1+2))",
        "${x:-\"y\"}", "<<EOF\nbody",
        "<<'E'\nx\nE", "- - - a", "? complex\n: value", "key: |\n", "key: >+2\n  x", "[[", "[a",
        "{a = ", "=", "a.\"b",
        "$$", "$tag$ open", "-- x", "/*/", "*/", "GET ", "HTTP/1.1 200", "HTTP/", "\n\n{\"a\":",
        "FROM", "RUN \\",
        "RUN a \\\n# c\n", "ONBUILD RUN x", "@", "@@", "def", "class", "func", "function",
        "function*", "\\\n",
        String(repeating: "\"", count: 7), String(repeating: "'", count: 5),
        String(repeating: "\\", count: 3),
    ]

    @Test(arguments: languages)
    func trickyInputsRoundTrip(_ language: String) {
        for code in Self.tricky { HighlightCheck.expectRoundTrip(code, language) }
    }

    @Test(arguments: languages)
    func randomInputsRoundTrip(_ language: String) {
        let pieces = [
            "\"", "'", "`", "\\", "$", "{", "}", "(", ")", "[", "]", "#", "/", "*", "-", ":", "=",
            "@", ",", ";", "|", "&",
            "<", ">", "!", "?", "~", "%", ".", "\n", "\r\n", "\r", "\t", " ", "  ", "é", "😀", "日",
            "x", "ab", "1", "0x",
            "\"\"\"", "'''", "$$", "${", "\\(", "#\"", "\"#", "f\"", "<<EOF\n", "EOF", "- ", "|",
            "HTTP/1.1 200 ", "GET ",
            "\n\n", "RUN ", "def ", "func ", "function ", "true", "null", "SELECT ", "[s]\n",
            "k = ", "key: ", "$ ", "# ",
            "/*", "*/", "//", "--", "e+", "\u{0}",
        ]
        var generator = SplitMix64(seed: 0x5EED_0000 &+ UInt64(language.utf8.count))
        for _ in 0..<600 {
            let count = Int(generator.next() % 40)
            let code = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            HighlightCheck.expectRoundTrip(code, language)
        }
    }

    @Test func multiLineTokensNeverPutALineBreakInsideASpan() {
        let samples: [(String, String)] = [
            ("python", "x = \"\"\"a\r\nb\n\nc\"\"\"\r\n# c\r\n"),
            ("javascript", "/* a\r\nb */ `x\ny ${z} \r\n w`"),
            ("swift", "/* a /* b\n */ c */ \"\"\"\n  \\(x)\r\n  \"\"\""),
            ("sql", "'a\nb' /* c\r\nd */ $$e\nf$$"),
            ("toml", "k = '''a\nb'''\nm = \"\"\"c\r\nd\"\"\""),
            ("yaml", "k: \"a\n  b\"\nl: |\n  x\r\n  y\n"),
            ("bash", "echo 'a\nb' \"c\r\nd\"\ncat <<E\nx\r\ny\nE\n"),
            ("dockerfile", "RUN echo \"a \\\n  b\"\r\n"),
        ]
        for (language, code) in samples {
            let html = HighlightCheck.html(code, language)
            #expect(html.contains("<span"), "\(language)")
            HighlightCheck.expectRoundTrip(code, language)
        }
    }

    @Test(arguments: languages)
    func pathologicalInputsRunInLinearTime(_ language: String) {
        let size = 64_000
        let inputs = [
            "\"", "'", "`", "{", "(", "[", "${", "\\(", "#", "@", "$", "<<", "- ", "f\"{", "#\"",
            "/*", "a: ", " \\\n", "\n",
        ].map { String(repeating: $0, count: size / $0.utf8.count) }
        let clock = ContinuousClock()
        for code in inputs {
            let elapsed = clock.measure {
                _ = SyntaxHighlighter.highlight(code, language: language)
            }
            #expect(
                elapsed < .seconds(2),
                "\(language) took \(elapsed) on \(code.prefix(4).debugDescription)…")
        }
    }
}

/// A small deterministic random number generator, so random inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    /// The generator state.
    var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
