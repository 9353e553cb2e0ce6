import Mustache
import Testing

@testable import SitegenCore

@Suite struct TemplateEscaperTests {
    static let samples = [
        "", "plain", "<b>Tom & \"Jerry\"</b>", "it's", "café <é> naïve & 日本語 'x'",
        "a&\u{301}b", "👩‍💻 <tag>", String(repeating: "&<>", count: 50),
    ]

    @Test(arguments: samples)
    func escapesTheSameFiveCharactersAsSwiftMustache(text: String) throws {
        let builtIn = try MustacheTemplate(string: "{{value}}").render(["value": text])
        let expected = text.contains("&\u{301}") ? "a&amp;\u{301}b" : builtIn
        #expect(TemplateEscaper.escape(text) == expected)
    }

    @Test func templatesUseTheByteEscaperAndKeepTripleMustacheRaw() throws {
        var theme = ThemeFiles()
        for name in TemplateLibrary.required {
            theme.templates[name] = .init(
                text: "{{title}}|{{{title}}}", path: "templates/\(name).mustache")
        }
        let (library, problems) = TemplateLibrary.compile(theme)
        #expect(problems.isEmpty)
        #expect(library.render("page", ["title": "<a & b>"]) == "&lt;a &amp; b&gt;|<a & b>")
    }
}
