import Testing

@testable import SitegenHighlight

@Suite struct CodeHighlightTests {
    @Test func dockerfileInstructionsCommentsAndShellArguments() {
        let code = lines(
            "# syntax=docker/dockerfile:1",
            "FROM python:3.12-slim AS base",
            "ARG VERSION=1.0",
            #"ENV APP_HOME=/app \"#,
            "    PORT=8000",
            #"RUN apt-get update \"#,
            "    # cache cleanup below",
            "    && rm -rf /var/lib/apt/lists/*  # trailing",
            #"COPY --chown=app:app . "$APP_HOME""#,
            "EXPOSE 8000",
            #"CMD ["gunicorn", "app:wsgi"]"#,
            "from alpine"
        )
        #expect(
            HighlightCheck.html(code, "dockerfile")
                == lines(
                    hl("c", "# syntax=docker/dockerfile:1"),
                    "\(hl("t", "FROM")) python:3.12-slim \(hl("k", "AS")) base",
                    "\(hl("t", "ARG")) VERSION=1.0",
                    #"\#(hl("t", "ENV")) APP_HOME=/app \"#,
                    "    PORT=\(hl("n", "8000"))",
                    #"\#(hl("t", "RUN")) apt-get update \"#,
                    "    " + hl("c", "# cache cleanup below"),
                    "    &amp;&amp; rm -rf /var/lib/apt/lists/*  \(hl("c", "# trailing"))",
                    "\(hl("t", "COPY")) --chown=app:app . \(hl("s", "&quot;"))\(hl("v", "$APP_HOME"))\(hl("s", "&quot;"))",
                    "\(hl("t", "EXPOSE")) \(hl("n", "8000"))",
                    "\(hl("t", "CMD")) [\(hl("s", "&quot;gunicorn&quot;")), \(hl("s", "&quot;app:wsgi&quot;"))]",
                    "\(hl("t", "from")) alpine"
                )
        )
        #expect(
            SyntaxHighlighter.highlight("USER app", language: "Docker") == "\(hl("t", "USER")) app")
    }

    @Test func javascriptKeywordsStringsAndTemplateLiterals() {
        let code = lines(
            #"import { readFile } from "node:fs/promises";"#,
            "// load config",
            "export async function load(path = './a.json') {",
            "  const text = await readFile(path, 'utf8');",
            "  return JSON.parse(text) ?? null;",
            "}",
            "const msg = `Hello ${user.name}, you have ${items.map(i => `<${i}>`).length} items`;",
            "class Cache extends Map { static size = 0x1F; }",
            "/* done */ let n = obj.default + 1.5e3;"
        )
        #expect(
            HighlightCheck.html(code, "js")
                == lines(
                    "\(hl("k", "import")) { readFile } \(hl("k", "from")) \(hl("s", "&quot;node:fs/promises&quot;"));",
                    hl("c", "// load config"),
                    "\(hl("k", "export")) \(hl("k", "async")) \(hl("k", "function")) \(hl("f", "load"))(path = \(hl("s", "'./a.json'"))) {",
                    "  \(hl("k", "const")) text = \(hl("k", "await")) readFile(path, \(hl("s", "'utf8'")));",
                    "  \(hl("k", "return")) \(hl("b", "JSON")).parse(text) ?? \(hl("b", "null"));",
                    "}",
                    "\(hl("k", "const")) msg = \(hl("s", "`Hello "))${user.name}\(hl("s", ", you have "))${items.map(i =&gt; "
                        + "\(hl("s", "`&lt;"))${i}\(hl("s", "&gt;`"))).length}\(hl("s", " items`"));",
                    "\(hl("k", "class")) \(hl("b", "Cache")) \(hl("k", "extends")) \(hl("b", "Map")) { \(hl("k", "static")) size = \(hl("n", "0x1F")); }",
                    "\(hl("c", "/* done */")) \(hl("k", "let")) n = obj.default + \(hl("n", "1.5e3"));"
                )
        )
        #expect(
            HighlightCheck.html("const t = `a\nb ${x}`;", "javascript")
                == "\(hl("k", "const")) t = \(hl("s", "`a"))\n\(hl("s", "b "))${x}\(hl("s", "`"));"
        )
    }

    @Test func swiftKeywordsAttributesTypesAndStrings() {
        let code = lines(
            "import Foundation",
            "",
            "@propertyWrapper",
            "struct Clamped<Value: Comparable> {",
            "    var wrappedValue: Value",
            "}",
            "",
            "@MainActor func greet(_ name: String, times: Int = 3) async throws -> String {",
            "    let x = 0x1F + 1_000 // count",
            #"    return "Hi \(name.uppercased()), \(times)!" /* a /* nested */ comment */"#,
            "}",
            ##"let raw = #"C:\path "quoted""#"##,
            #"let text = """"#,
            #"    Dear \(user),"#,
            #"    """"#,
            "#if DEBUG",
            "print(nil ?? true)",
            "#endif"
        )
        #expect(
            HighlightCheck.html(code, "swift")
                == lines(
                    "\(hl("k", "import")) \(hl("b", "Foundation"))",
                    "",
                    hl("d", "@propertyWrapper"),
                    "\(hl("k", "struct")) \(hl("b", "Clamped"))&lt;\(hl("b", "Value")): \(hl("b", "Comparable"))&gt; {",
                    "    \(hl("k", "var")) wrappedValue: \(hl("b", "Value"))",
                    "}",
                    "",
                    "\(hl("d", "@MainActor")) \(hl("k", "func")) \(hl("f", "greet"))(_ name: \(hl("b", "String")), times: \(hl("b", "Int")) = \(hl("n", "3"))) "
                        + "\(hl("k", "async")) \(hl("k", "throws")) -&gt; \(hl("b", "String")) {",
                    "    \(hl("k", "let")) x = \(hl("n", "0x1F")) + \(hl("n", "1_000")) \(hl("c", "// count"))",
                    #"    \#(hl("k", "return")) \#(hl("s", "&quot;Hi "))\(name.uppercased())\#(hl("s", ", "))\(times)\#(hl("s", "!&quot;")) "#
                        + hl("c", "/* a /* nested */ comment */"),
                    "}",
                    #"\#(hl("k", "let")) raw = \#(hl("s", #"#&quot;C:\path &quot;quoted&quot;&quot;#"#))"#,
                    "\(hl("k", "let")) text = \(hl("s", "&quot;&quot;&quot;"))",
                    #"\#(hl("s", "    Dear "))\(user)\#(hl("s", ","))"#,
                    hl("s", "    &quot;&quot;&quot;"),
                    "\(hl("k", "#if")) \(hl("b", "DEBUG"))",
                    "print(\(hl("b", "nil")) ?? \(hl("b", "true")))",
                    hl("k", "#endif")
                )
        )
    }

    @Test func httpRequestWithJSONBody() {
        let code = lines(
            "POST /api/books HTTP/1.1",
            "Host: example.com",
            "Content-Type: application/json",
            "",
            #"{"title": "Dune", "year": 1965}"#
        )
        #expect(
            HighlightCheck.html(code, "http")
                == lines(
                    "\(hl("t", "POST")) /api/books HTTP/1.1",
                    "\(hl("a", "Host")): example.com",
                    "\(hl("a", "Content-Type")): application/json",
                    "",
                    "{\(hl("a", "&quot;title&quot;")): \(hl("s", "&quot;Dune&quot;")), \(hl("a", "&quot;year&quot;")): \(hl("n", "1965"))}"
                )
        )
    }

    @Test func httpResponseWithPlainBodyAndAnExchange() {
        let code = lines(
            "HTTP/1.1 404 Not Found", "Content-Type: text/plain", "", "Not found: {x}",
            "X-Not: a header", "")
        #expect(
            HighlightCheck.html(code, "http")
                == lines(
                    "HTTP/1.1 \(hl("t", "404")) Not Found",
                    "\(hl("a", "Content-Type")): text/plain", "", "Not found: {x}",
                    "X-Not: a header", "")
        )
        #expect(
            HighlightCheck.html(
                "GET / HTTP/1.1\r\nAccept: */*\r\n\r\nHTTP/2 200\r\nETag: \"x\"\r\n", "HTTP")
                == "\(hl("t", "GET")) / HTTP/1.1\r\n\(hl("a", "Accept")): */*\r\n\r\nHTTP/2 \(hl("t", "200"))\r\n\(hl("a", "ETag")): &quot;x&quot;\r\n"
        )
    }
}
