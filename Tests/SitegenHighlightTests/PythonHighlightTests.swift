import Testing

@testable import SitegenHighlight

@Suite struct PythonHighlightTests {
    @Test func definitionReturnStringAndComment() {
        #expect(
            HighlightCheck.html(#"def f(x): return "a" # c"#, "python")
                == #"<span class="hl-k">def</span> <span class="hl-f">f</span>(x): <span class="hl-k">return</span> <span class="hl-s">&quot;a&quot;</span> <span class="hl-c"># c</span>"#
        )
    }

    @Test func tripleQuotedStringsGetOneSpanPerLine() {
        let code = lines(
            "def g():",
            #"    """Doc "quoted" line."#,
            "",
            #"    More.""""#,
            "    return '''x'''"
        )
        #expect(
            HighlightCheck.html(code, "py")
                == lines(
                    "\(hl("k", "def")) \(hl("f", "g"))():",
                    "    " + hl("s", "&quot;&quot;&quot;Doc &quot;quoted&quot; line."),
                    "",
                    hl("s", "    More.&quot;&quot;&quot;"),
                    "    \(hl("k", "return")) \(hl("s", "'''x'''"))"
                )
        )
    }

    @Test func fStringFieldsAreCode() {
        #expect(
            HighlightCheck.html(#"f"Hi {user.name!r:>10}, {{literal}} {len(xs) + 1}""#, "python")
                == hl("s", "f&quot;Hi ") + "{user.name!r:&gt;10}" + hl("s", ", {{literal}} ")
                + "{\(hl("b", "len"))(xs) + \(hl("n", "1"))}" + hl("s", "&quot;")
        )
        #expect(
            HighlightCheck.html(#"rf'{d["k"]}\d'"#, "python")
                == hl("s", "rf'") + "{d[\(hl("s", "&quot;k&quot;"))]}" + hl("s", #"\d'"#)
        )
    }

    @Test func decoratorsClassesBuiltinsAndConstants() {
        let code = lines(
            "@dataclass(frozen=True)",
            "class Point(Base):",
            "    x: int = 0",
            "    def norm(self) -> float:",
            "        return abs(self.x) if self.x is not None else 0.5"
        )
        #expect(
            HighlightCheck.html(code, "python")
                == lines(
                    "\(hl("d", "@dataclass"))(frozen=\(hl("b", "True")))",
                    "\(hl("k", "class")) \(hl("b", "Point"))(Base):",
                    "    x: \(hl("b", "int")) = \(hl("n", "0"))",
                    "    \(hl("k", "def")) \(hl("f", "norm"))(\(hl("b", "self"))) -&gt; \(hl("b", "float")):",
                    "        \(hl("k", "return")) \(hl("b", "abs"))(\(hl("b", "self")).x) \(hl("k", "if")) "
                        + "\(hl("b", "self")).x \(hl("k", "is")) \(hl("k", "not")) \(hl("b", "None")) "
                        + "\(hl("k", "else")) \(hl("n", "0.5"))"
                )
        )
    }

    @Test func numbersAndTheMatrixOperator() {
        #expect(
            HighlightCheck.html("y = a @ b + 0x1F + 1_000 + 1.5e-3j + .5", "python")
                == "y = a @ b + \(hl("n", "0x1F")) + \(hl("n", "1_000")) + \(hl("n", "1.5e-3j")) + \(hl("n", ".5"))"
        )
    }

    @Test func softKeywordsAndAttributesAreContextual() {
        let code = lines("match command:", #"    case "go":"#, "        re.match(x)", "match = 1")
        #expect(
            HighlightCheck.html(code, "python")
                == lines(
                    "\(hl("k", "match")) command:",
                    "    \(hl("k", "case")) \(hl("s", "&quot;go&quot;")):",
                    "        re.match(x)",
                    "match = \(hl("n", "1"))"
                )
        )
    }

    @Test func unterminatedStringStopsAtTheLineEnd() {
        #expect(
            HighlightCheck.html("s = \"abc\nprint(s)", "python")
                == "s = \(hl("s", "&quot;abc"))\n\(hl("b", "print"))(s)"
        )
    }
}
