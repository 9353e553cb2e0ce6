import Testing

@testable import SitegenHighlight

@Suite struct DataHighlightTests {
    @Test func yamlKeysCommentsStringsAnchorsAndBlockScalars() {
        let code = lines(
            "# config",
            "defaults: &defaults",
            "  adapter: postgres",
            #"  host: "localhost"   # inline"#,
            "  port: 5432",
            "  ssl: true",
            "  ratio: 0.5",
            "  empty: ~",
            "development:",
            "  <<: *defaults",
            "  tags: [web, 'api', 3]",
            #"  inline: {a: 1, "b": x}"#,
            "  tagged: !Ref MyBucket",
            "  script: |",
            #"    echo "a: b""#,
            "    # not a comment",
            "  folded: >-",
            "    one",
            "list:",
            "  - name: x",
            "  - plain item",
            #"  - "quoted""#
        )
        #expect(
            HighlightCheck.html(code, "yaml")
                == lines(
                    hl("c", "# config"),
                    "\(hl("a", "defaults")): \(hl("v", "&amp;defaults"))",
                    "  \(hl("a", "adapter")): postgres",
                    "  \(hl("a", "host")): \(hl("s", "&quot;localhost&quot;"))   \(hl("c", "# inline"))",
                    "  \(hl("a", "port")): \(hl("n", "5432"))",
                    "  \(hl("a", "ssl")): \(hl("b", "true"))",
                    "  \(hl("a", "ratio")): \(hl("n", "0.5"))",
                    "  \(hl("a", "empty")): \(hl("b", "~"))",
                    "\(hl("a", "development")):",
                    "  \(hl("a", "&lt;&lt;")): \(hl("v", "*defaults"))",
                    "  \(hl("a", "tags")): [web, \(hl("s", "'api'")), \(hl("n", "3"))]",
                    "  \(hl("a", "inline")): {\(hl("a", "a")): \(hl("n", "1")), \(hl("a", "&quot;b&quot;")): x}",
                    "  \(hl("a", "tagged")): \(hl("t", "!Ref")) MyBucket",
                    "  \(hl("a", "script")): |",
                    "    " + hl("s", "echo &quot;a: b&quot;"),
                    "    " + hl("s", "# not a comment"),
                    "  \(hl("a", "folded")): &gt;-",
                    "    " + hl("s", "one"),
                    "\(hl("a", "list")):",
                    "  - \(hl("a", "name")): x",
                    "  - plain item",
                    "  - \(hl("s", "&quot;quoted&quot;"))"
                )
        )
    }

    @Test func jsonKeysAreNotStringValues() {
        let code = lines(
            "{",
            #"  "name": "sitegen", "say": "\"hi\"","#,
            #"  "ratio": -1.5e3, "tags": ["a", "b:c"],"#,
            #"  "ok": true, "none": null, "no": false,"#,
            #"  "nested": {"key" : "value"}"#,
            "}"
        )
        #expect(
            HighlightCheck.html(code, "json")
                == lines(
                    "{",
                    "  \(hl("a", "&quot;name&quot;")): \(hl("s", "&quot;sitegen&quot;")), \(hl("a", "&quot;say&quot;")): \(hl("s", #"&quot;\&quot;hi\&quot;&quot;"#)),",
                    "  \(hl("a", "&quot;ratio&quot;")): \(hl("n", "-1.5e3")), \(hl("a", "&quot;tags&quot;")): [\(hl("s", "&quot;a&quot;")), \(hl("s", "&quot;b:c&quot;"))],",
                    "  \(hl("a", "&quot;ok&quot;")): \(hl("b", "true")), \(hl("a", "&quot;none&quot;")): \(hl("b", "null")), \(hl("a", "&quot;no&quot;")): \(hl("b", "false")),",
                    "  \(hl("a", "&quot;nested&quot;")): {\(hl("a", "&quot;key&quot;")) : \(hl("s", "&quot;value&quot;"))}",
                    "}"
                )
        )
    }

    @Test func sqlKeywordsIgnoreCase() {
        let code = lines(
            "select u.id, count(*) AS total -- per user",
            "FROM users u WHERE u.name = 'O''Brien' and u.age >= 18",
            "/* multi",
            "   line */",
            "INSERT INTO t (body) VALUES ($1, $$it's raw$$, NULL, TRUE);",
            "CREATE TABLE t (id bigint PRIMARY KEY, data jsonb);"
        )
        #expect(
            HighlightCheck.html(code, "sql")
                == lines(
                    "\(hl("k", "select")) u.id, count(*) \(hl("k", "AS")) total \(hl("c", "-- per user"))",
                    "\(hl("k", "FROM")) users u \(hl("k", "WHERE")) u.name = \(hl("s", "'O''Brien'")) \(hl("k", "and")) u.age &gt;= \(hl("n", "18"))",
                    hl("c", "/* multi"),
                    hl("c", "   line */"),
                    "\(hl("k", "INSERT")) \(hl("k", "INTO")) t (body) \(hl("k", "VALUES")) (\(hl("v", "$1")), \(hl("s", "$$it's raw$$")), \(hl("b", "NULL")), \(hl("b", "TRUE")));",
                    "\(hl("k", "CREATE")) \(hl("k", "TABLE")) t (id \(hl("b", "bigint")) \(hl("k", "PRIMARY")) \(hl("k", "KEY")), data \(hl("b", "jsonb")));"
                )
        )
    }

    @Test func tomlSectionsKeysAndValues() {
        let code = lines(
            "# top",
            #"title = "TOML""#,
            "[server]",
            "host.name = 'example'   # literal",
            #""quoted key" = 1_000"#,
            "port = +8080",
            "ratio = 6.02e23",
            "enabled = true",
            "started = 1979-05-27T07:32:00Z",
            "point = { x = 1, y = -2 }",
            "ports = [ 8000,",
            "  8001 ]",
            #"motd = """"#,
            #"Hello "world""#,
            "\"\"\"",
            "[[servers.alpha]]",
            "nan_value = nan"
        )
        #expect(
            HighlightCheck.html(code, "toml")
                == lines(
                    hl("c", "# top"),
                    "\(hl("a", "title")) = \(hl("s", "&quot;TOML&quot;"))",
                    hl("t", "[server]"),
                    "\(hl("a", "host.name")) = \(hl("s", "'example'"))   \(hl("c", "# literal"))",
                    "\(hl("a", "&quot;quoted key&quot;")) = \(hl("n", "1_000"))",
                    "\(hl("a", "port")) = \(hl("n", "+8080"))",
                    "\(hl("a", "ratio")) = \(hl("n", "6.02e23"))",
                    "\(hl("a", "enabled")) = \(hl("b", "true"))",
                    "\(hl("a", "started")) = \(hl("n", "1979-05-27T07:32:00Z"))",
                    "\(hl("a", "point")) = { \(hl("a", "x")) = \(hl("n", "1")), \(hl("a", "y")) = \(hl("n", "-2")) }",
                    "\(hl("a", "ports")) = [ \(hl("n", "8000")),",
                    "  \(hl("n", "8001")) ]",
                    "\(hl("a", "motd")) = \(hl("s", "&quot;&quot;&quot;"))",
                    hl("s", "Hello &quot;world&quot;"),
                    hl("s", "&quot;&quot;&quot;"),
                    hl("t", "[[servers.alpha]]"),
                    "\(hl("a", "nan_value")) = \(hl("n", "nan"))"
                )
        )
    }

    @Test func iniSectionsKeysCommentsAndContinuations() {
        let code = lines(
            "; settings",
            "# also a comment",
            "[database]",
            "host = db.example.com",
            "port=5432",
            "debug: yes",
            #"name = "main db""#,
            "[flake8]",
            "exclude =",
            "    .git,",
            "    build",
            "max-line-length = 100"
        )
        #expect(
            HighlightCheck.html(code, "cfg")
                == lines(
                    hl("c", "; settings"),
                    hl("c", "# also a comment"),
                    hl("t", "[database]"),
                    "\(hl("a", "host")) = db.example.com",
                    "\(hl("a", "port"))=\(hl("n", "5432"))",
                    "\(hl("a", "debug")): \(hl("b", "yes"))",
                    "\(hl("a", "name")) = \(hl("s", "&quot;main db&quot;"))",
                    hl("t", "[flake8]"),
                    "\(hl("a", "exclude")) =",
                    "    .git,",
                    "    build",
                    "\(hl("a", "max-line-length")) = \(hl("n", "100"))"
                )
        )
    }
}
