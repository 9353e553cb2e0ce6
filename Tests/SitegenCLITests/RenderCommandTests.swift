import Foundation
import Testing

/// `sitegen render`, `--help` and `--version`.
@Suite struct RenderCommandTests {
    @Test func rendersStdinWithoutRewritingLinks() throws {
        let result = try CLITestSupport.sitegen(
            ["render"], stdin: "## Hello\n\n[x](other.md) -- flag\n",
            in: try CLITestSupport.temporaryFolder())
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                <h2 id="hello">Hello <a class="anchor" href="#hello" aria-hidden="true" tabindex="-1"></a></h2>
                <p><a href="other.md">x</a> -- flag</p>

                """)
    }

    @Test func usesTheMarkdownOptionsOfTheSiteInTheCurrentFolder() throws {
        let site = try CLITestSupport.temporaryFolder()
        try "markdown:\n  smartPunctuation: true\n".write(
            to: site.appendingPathComponent("sitegen.yml"), atomically: true, encoding: .utf8)
        let result = try CLITestSupport.sitegen(["render"], stdin: "\"quoted\" -- dash\n", in: site)
        #expect(result.stdout == "<p>“quoted” – dash</p>\n")
    }

    @Test func brokenConfigIsALocatedError() throws {
        let site = try CLITestSupport.temporaryFolder()
        try "markdown: [\n".write(
            to: site.appendingPathComponent("sitegen.yml"), atomically: true, encoding: .utf8)
        let result = try CLITestSupport.sitegen(["render"], stdin: "x\n", in: site)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("sitegen.yml:2:1: error: invalid YAML"), "\(result.stderr)")
    }

    @Test func versionAndHelp() throws {
        let version = try CLITestSupport.sitegen(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        let help = try CLITestSupport.sitegen(["build", "--help"])
        for option in [
            "--source", "--output", "--base-url", "--drafts", "--strict", "--quiet", "--verbose",
        ] {
            #expect(help.stdout.contains(option), "\(option)")
        }
    }
}
