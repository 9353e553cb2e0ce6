import Testing

@testable import SitegenHighlight

@Suite struct ShellHighlightTests {
    @Test func keywordsBuiltinsStringsAndVariables() {
        #expect(
            HighlightCheck.html(#"if [ -n "$HOME" ]; then echo "hi ${USER}!"; fi # done"#, "bash")
                == "\(hl("k", "if")) [ -n \(hl("s", "&quot;"))\(hl("v", "$HOME"))\(hl("s", "&quot;")) ]; "
                + "\(hl("k", "then")) \(hl("b", "echo")) \(hl("s", "&quot;hi "))\(hl("v", "${USER}"))\(hl("s", "!&quot;")); "
                + "\(hl("k", "fi")) \(hl("c", "# done"))"
        )
    }

    @Test func assignmentsExportsRedirectsAndNumbers() {
        #expect(
            HighlightCheck.html(#"export PATH="$HOME/bin:$PATH""#, "sh")
                == "\(hl("b", "export")) \(hl("v", "PATH"))=\(hl("s", "&quot;"))\(hl("v", "$HOME"))"
                + "\(hl("s", "/bin:"))\(hl("v", "$PATH"))\(hl("s", "&quot;"))"
        )
        #expect(
            HighlightCheck.html("DEBUG=1 python app.py 2>&1 | tee log.txt", "shell")
                == "\(hl("v", "DEBUG"))=1 python app.py \(hl("n", "2"))&gt;&amp;\(hl("n", "1")) | tee log.txt"
        )
    }

    @Test func loopsAndFunctionDefinitions() {
        #expect(
            HighlightCheck.html(#"for f in *.txt; do cat "$f"; done"#, "zsh")
                == "\(hl("k", "for")) f \(hl("k", "in")) *.txt; \(hl("k", "do")) cat "
                + "\(hl("s", "&quot;"))\(hl("v", "$f"))\(hl("s", "&quot;")); \(hl("k", "done"))"
        )
        let code = lines(
            "function greet {", #"  local name="$1""#, #"  echo "hi""#, "}", "bye() { return 0; }")
        #expect(
            HighlightCheck.html(code, "bash")
                == lines(
                    "\(hl("k", "function")) \(hl("f", "greet")) {",
                    "  \(hl("b", "local")) \(hl("v", "name"))=\(hl("s", "&quot;"))\(hl("v", "$1"))\(hl("s", "&quot;"))",
                    "  \(hl("b", "echo")) \(hl("s", "&quot;hi&quot;"))",
                    "}",
                    "\(hl("f", "bye"))() { \(hl("k", "return")) \(hl("n", "0")); }"
                )
        )
    }

    @Test func commentsNeedAWordStartAndSingleQuotesAreLiteral() {
        #expect(
            HighlightCheck.html("echo a#b $# # real", "bash")
                == "\(hl("b", "echo")) a#b \(hl("v", "$#")) \(hl("c", "# real"))")
        #expect(
            HighlightCheck.html(#"echo '$HOME "x"'"#, "bash")
                == "\(hl("b", "echo")) \(hl("s", "'$HOME &quot;x&quot;'"))")
    }

    @Test func heredocBodiesAreStrings() {
        #expect(
            HighlightCheck.html(lines("cat <<EOF", "Hello $USER", "EOF", "echo done"), "bash")
                == lines(
                    "cat &lt;&lt;EOF", hl("s", "Hello $USER"), "EOF", "\(hl("b", "echo")) done")
        )
    }

    @Test func consolePromptsAreBashAndOutputIsPlain() {
        let code = lines(
            #"$ pip install "django>=5""#, "Collecting django", "# apt-get install -y curl",
            "$HOME is output", "$ ls # list", "")
        #expect(
            HighlightCheck.html(code, "console")
                == lines(
                    "\(hl("p", "$ "))pip install \(hl("s", "&quot;django&gt;=5&quot;"))",
                    "Collecting django",
                    "\(hl("p", "# "))apt-get install -y curl",
                    "$HOME is output",
                    "\(hl("p", "$ "))ls \(hl("c", "# list"))",
                    ""
                )
        )
        #expect(
            HighlightCheck.html("$ echo hi\r\nhi\r\n", "shell-session")
                == "\(hl("p", "$ "))\(hl("b", "echo")) hi\r\nhi\r\n"
        )
    }
}
