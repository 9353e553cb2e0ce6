import Foundation
import Testing

@testable import SitegenCore

/// The compiled template path must write exactly what swift-mustache writes: every case renders
/// both ways and compares, and checks that the compiled path was really taken.
@Suite struct CompiledTemplateTests {
    /// Builds a library from `templates`, padding the required names with a stub.
    static func library(_ templates: [String: String]) -> TemplateLibrary {
        var theme = ThemeFiles()
        for name in TemplateLibrary.required { theme.templates[name] = .init(text: "", path: name) }
        for (name, text) in templates {
            theme.templates[name] = .init(text: text, path: "templates/\(name).mustache")
        }
        return TemplateLibrary.compile(theme).0
    }

    static let content = PageContent(inline: Array("<p>A & B</p>".utf8), stored: nil, hash: 1)

    static var context: [String: Any] {
        [
            "name": "Ada <Lovelace>", "count": 3, "flag": true, "off": false, "empty": [Any](),
            "items": [
                ["title": "One", "count": 1], ["title": "Two & 'three'", "flag": false],
            ] as [[String: Any]],
            "words": ["alpha", "beta"], "nested": ["value": ["x", "y"], "deep": ["leaf": "L"]],
            "asset": ["style_css": "/style.css"] as [String: String], "html": "<em>raw</em>",
            "crlf": "one\r\n", "lf": "two\n",
            "page": ["title": "Page", "content": content, "summary": ""] as [String: Any],
        ]
    }

    static let cases: [(String, [String: String])] = [
        (
            "standalone lines, comments and indented partials",
            [
                "main": """
                Hello {{name}}!
                  {{#items}}
                  - {{title}} ({{count}}) {{name}}
                  {{/items}}
                {{^empty}}
                none
                {{/empty}}
                {{! a comment }}
                  {{>part}}
                end{{#flag}} yes{{/flag}}{{^flag}} no{{/flag}}{{^off}} off{{/off}}

                """,
                "part":
                    "line1\n{{#nested.value}}<{{.}}>{{/nested.value}}\n  indented {{nested.deep.leaf}}\n",
            ]
        ),
        (
            "inheritance with blocks, defaults and indentation",
            [
                "base":
                    "<title>{{$title}}Default {{name}}{{/title}}</title>\n  {{$main}}\n  body\n  {{/main}}\n{{$foot}}foot{{/foot}}\n",
                "main":
                    "{{<base}}\n{{$title}}T {{page.title}}{{/title}}\n  {{$main}}\n    custom {{{html}}}\n    second\n  {{/main}}\n{{/base}}\n",
            ]
        ),
        (
            "names: anchored, dotted, current, stacked and missing",
            [
                "main": "{{#page}}{{.title}}|{{title}}|{{name}}|{{.name}}|{{missing.x}}{{/page}}"
                    + "{{#words}}[{{.}}]{{/words}}{{#count}}<{{.}}>{{/count}}{{#flag}}{{name}}{{/flag}}"
                    + "{{page.summary}}{{#page.summary}}(s{{.}}){{/page.summary}}{{{asset.style_css}}}"
                    + "{{#nested}}{{#deep}}{{leaf}}{{name}}{{/deep}}{{/nested}}{{ name }}{{&html}}"
            ]
        ),
        (
            "page bodies, braces in text and CRLF line endings",
            [
                "main": "{{page.content}}|{{{page.content}}}|{{#page.content}}in{{/page.content}}"
                    + "{{^page.content}}out{{/page.content}}\r\n{ not a tag } {x}\r\n  {{#flag}}\r\n  a\r\n  {{/flag}}\r\n"
            ]
        ),
        (
            "indented partials whose pieces end in CRLF or LF",
            [
                "main": "x\n  {{>part}}\n",
                "part": "a\r\n{{{crlf}}}{{{lf}}}b\r\n{{#words}}{{.}}\r\n{{/words}}{{{crlf}}}end",
            ]
        ),
    ]

    @Test(arguments: cases.map(\.0))
    func compiledOutputMatchesSwiftMustache(name: String) throws {
        let templates = try #require(Self.cases.first { $0.0 == name }?.1)
        let library = Self.library(templates)
        let compiled = try #require(library.compiled, "every template should compile")
        let fast = try #require(
            compiled.render("main", Self.context), "the fast path was not taken")
        #expect(fast == library.renderWithSwiftMustache("main", Self.context))
        #expect(!fast.isEmpty)
    }

    @Test(arguments: [
        "{{=<% %>=}}<% name %>", "{{uppercased(name)}}", "{{>*dynamic}}",
        "{{% CONTENT_TYPE: TEXT }}{{name}}", "{{#open}}never closed", "{{name}",
    ])
    func unsupportedTemplatesAreLeftToSwiftMustache(text: String) {
        #expect(CompiledTemplateParser.compile(text) == nil)
        let library = Self.library(["main": text])
        #expect(library.compiled == nil)
    }

    @Test func unknownValueTypesFallBackToSwiftMustache() throws {
        let library = Self.library(["main": "{{ratio}} {{#list}}{{.}}{{/list}} {{name}}"])
        let lazy = LazyContextList(count: 2) { .map(["index": .int($0)]) }
        let context: [String: Any] = ["ratio": 0.5, "list": lazy, "name": "n"]
        let compiled = try #require(library.compiled)
        #expect(compiled.render("main", context) == nil)
        #expect(library.render("main", context) == library.renderWithSwiftMustache("main", context))
        #expect(library.render("main", context).hasPrefix("0.5 "))
    }

    @Test func untypedValuesAreToldApartByTheirExactType() {
        func kind(_ value: Any) -> String {
            switch TemplateValue(value) {
            case .string: return "string"
            case .bool: return "bool"
            case .int: return "int"
            case .map(let map): return "map\(map.count)"
            case .list(let list): return "list\(list.count)"
            case .content: return "content"
            case .lazyList: return "lazy"
            case .other: return "other"
            }
        }
        #expect(kind("a") == "string" && kind(true) == "bool" && kind(3) == "int")
        #expect(kind(["a": "b"] as [String: String]) == "map1")
        #expect(kind(["a": 1, "b": "c"] as [String: Any]) == "map2")
        #expect(kind([["a": 1]] as [[String: Any]]) == "list1")
        #expect(kind(["x", "y"]) == "list2" && kind([1, "y"] as [Any]) == "list2")
        #expect(kind(Self.content) == "content")
        for unknown: Any in [0.5, ["a": 1] as [String: Int], [1, 2], Substring("s")] {
            #expect(kind(unknown) == "other")
        }
        let nested: [String: Any] = ["list": [["t": "x"]] as [[String: Any]], "n": 2]
        let back = TemplateValue(nested).any as? [String: Any]
        #expect((back?["n"] as? Int) == 2)
        #expect(((back?["list"] as? [Any])?.first as? [String: Any])?["t"] as? String == "x")
    }

    @Test(arguments: ["basic", "plain-docs", "split-search", "broken-links", "hub"])
    func siteBuildsAreIdenticalWithEitherEngine(site: String) throws {
        let root = site == "hub" ? TestPaths.repository : TestPaths.fixture(site)
        var outputs: [[String: Data]] = []
        for compiles in [true, false] {
            let output = try TestPaths.temporaryFolder().appendingPathComponent("public")
            var options = BuildOptions(paths: SitePaths(root: root, output: output))
            options.compilesTemplates = compiles
            let report = try SiteBuilder(options: options).generate()
            var files: [String: Data] = [:]
            for file in report.files { files[file.path] = file.bytes() }
            outputs.append(files)
        }
        #expect(outputs[0].count > 3)
        #expect(outputs[0] == outputs[1])
    }
}
