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

    static let content = PageContent(inline: "<p>A & B</p>", stored: nil, hash: 1)

    static var context: [String: Any] {
        [
            "name": "Ada <Lovelace>", "count": 3, "flag": true, "off": false, "empty": [Any](),
            "items": [
                ["title": "One", "count": 1], ["title": "Two & 'three'", "flag": false],
            ] as [[String: Any]],
            "words": ["alpha", "beta"], "nested": ["value": ["x", "y"], "deep": ["leaf": "L"]],
            "asset": ["style_css": "/style.css"] as [String: String], "html": "<em>raw</em>",
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
        let lazy = LazyContextList(count: 2) { ["index": $0] }
        let context: [String: Any] = ["ratio": 0.5, "list": lazy, "name": "n"]
        let compiled = try #require(library.compiled)
        #expect(compiled.render("main", context) == nil)
        #expect(library.render("main", context) == library.renderWithSwiftMustache("main", context))
        #expect(library.render("main", context).hasPrefix("0.5 "))
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
