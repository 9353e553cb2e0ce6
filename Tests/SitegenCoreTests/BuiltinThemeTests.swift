import Foundation
import Testing

@testable import SitegenCore

/// The built-in theme is compiled in as a generated Swift file; this test keeps it in step
/// with `Sources/SitegenCore/Theme/default/`. Run with `SITEGEN_RECORD=1` (`make theme`) to
/// regenerate it; the test then fails once so a recording is never mistaken for a pass.
@Suite struct BuiltinThemeTests {
    static let themeFolder = TestPaths.repository.appendingPathComponent(
        "Sources/SitegenCore/Theme/default")
    static let generatedFile = TestPaths.repository.appendingPathComponent(
        "Sources/SitegenCore/Theme/BuiltinTheme.swift")

    /// The Swift source the theme folder should compile into.
    static func expectedSource() throws -> String {
        let files = ContentLoader(directory: themeFolder).listFiles()
        var source = """
            // Generated from Sources/SitegenCore/Theme/default by `make theme`. Do not edit.
            // swift-format-ignore-file

            /// The built-in theme's files by path, compiled into the binary.
            enum BuiltinTheme {
                /// Theme file path → text.
                static let files: [String: String] = [

            """
        for path in files {
            let text = try String(
                contentsOf: themeFolder.appendingPathComponent(path), encoding: .utf8)
            source += "        \"\(path)\": ###\"\"\"\n\(text)\n\"\"\"###,\n"
        }
        source += "    ]\n}\n"
        return source
    }

    @Test func generatedFileMatchesThemeSources() throws {
        let expected = try Self.expectedSource()
        if ProcessInfo.processInfo.environment["SITEGEN_RECORD"] != nil {
            try expected.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(Self.generatedFile.lastPathComponent); run the tests again.")
            return
        }
        let actual = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(actual == expected, "Run `make theme` to regenerate BuiltinTheme.swift")
    }

    @Test func compiledThemeHasEveryRequiredTemplate() {
        let theme = ThemeFiles.builtin
        for name in TemplateLibrary.required {
            #expect(theme.templates[name] != nil, "missing built-in template \(name)")
        }
        #expect(theme.assets["assets/style.css"] != nil)
    }
}
