import Foundation
import Testing

/// `sitegen build` end to end: exit codes, diagnostics, atomic output, safety, determinism.
@Suite struct BuildCommandTests {
    @Test func buildWritesTheSiteAndASummary() throws {
        let site = try CLITestSupport.copyFixture("basic")
        let result = try CLITestSupport.sitegen(["build", "--source", site.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 6 pages (24 files)"), "\(result.stdout)")
        let output = CLITestSupport.snapshot(site.appendingPathComponent("public"))
        #expect(output["guide/intro/index.html"] != nil)
        #expect(output[".sitegen-output"] != nil, "marker file")
    }

    @Test func badFrontMatterFailsWithLocatedErrorsAndLeavesOutputIntact() throws {
        let site = try CLITestSupport.copyFixture("basic")
        #expect(
            try CLITestSupport.sitegen(["build", "--source", site.path, "--quiet"]).status == 0)
        let before = CLITestSupport.snapshot(site.appendingPathComponent("public"))
        let page = site.appendingPathComponent("content/guide/setup.md")
        try "---\ntitle: Setup\nweight: [oops\n---\nBody\n".write(
            to: page, atomically: true, encoding: .utf8)
        let result = try CLITestSupport.sitegen(["build", "--source", site.path])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("content/guide/setup.md:3:9: error: invalid YAML"),
            "\(result.stderr)")
        #expect(CLITestSupport.snapshot(site.appendingPathComponent("public")) == before)
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let site = try CLITestSupport.copyFixture("broken-links")
        let relaxed = try CLITestSupport.sitegen(["build", "--source", site.path])
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("content/index.md:5:1: warning: broken link 'nope.md'"))
        let strict = try CLITestSupport.sitegen([
            "build", "--source", site.path, "--strict", "--output",
            site.appendingPathComponent("strict").path,
        ])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("strict").path))
    }

    @Test func twoProcessesProduceByteIdenticalOutput() throws {
        let site = CLITestSupport.repository
        let first = try CLITestSupport.temporaryFolder().appendingPathComponent("a")
        let second = try CLITestSupport.temporaryFolder().appendingPathComponent("b")
        for output in [first, second] {
            let result = try CLITestSupport.sitegen([
                "build", "--source", site.path, "--output", output.path, "--quiet",
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = CLITestSupport.snapshot(first)
        let b = CLITestSupport.snapshot(second)
        #expect(a.count > 50)
        #expect(a == b)
    }

    @Test func hubBuildsWithoutWarningsUnderStrict() throws {
        let output = try CLITestSupport.temporaryFolder().appendingPathComponent("public")
        let result = try CLITestSupport.sitegen([
            "build", "--source", CLITestSupport.repository.path, "--output", output.path,
            "--strict",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let files = CLITestSupport.snapshot(output)
        for path in [
            "topics.json", "search.json", "topics/index.html", "topics/caching/index.html",
            "404.html",
        ] {
            #expect(files[path] != nil, "missing \(path)")
        }
    }

    @Test func aMissingSiteIsAnErrorAndCreatesNothing() throws {
        let missing = try CLITestSupport.temporaryFolder().appendingPathComponent("typo")
        let result = try CLITestSupport.sitegen(["build", "--source", missing.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no content/ folder"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test(arguments: [".", "content", "templates", "..", "content/out", "templates/out"])
    func refusesOutputThatHoldsTheSources(output: String) throws {
        let site = try CLITestSupport.copyFixture("basic")
        let before = CLITestSupport.snapshot(site)
        let target = site.appendingPathComponent(output).standardizedFileURL
        let result = try CLITestSupport.sitegen([
            "build", "--source", site.path, "--output", target.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing"), "\(result.stderr)")
        #expect(CLITestSupport.snapshot(site) == before)
    }

    @Test func refusesANonEmptyFolderItDidNotWrite() throws {
        let site = try CLITestSupport.copyFixture("basic")
        let foreign = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "keep me".write(
            to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try CLITestSupport.sitegen(["build", "--source", site.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not written by sitegen"), "\(result.stderr)")
        #expect(CLITestSupport.snapshot(foreign) == ["notes.txt": Data("keep me".utf8)])
    }

    @Test func relativeOutputIsRelativeToTheCurrentFolder() throws {
        let site = try CLITestSupport.copyFixture("plain-docs")
        let work = try CLITestSupport.temporaryFolder()
        let result = try CLITestSupport.sitegen(
            ["build", "--source", site.path, "--output", "out", "--quiet"], in: work)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(
            FileManager.default.fileExists(
                atPath: work.appendingPathComponent("out/index.html").path))
    }

    @Test func verbosePrintsEveryStage() throws {
        let site = try CLITestSupport.copyFixture("plain-docs")
        let result = try CLITestSupport.sitegen(["build", "--source", site.path, "--verbose"])
        for stage in [
            "load config", "load content", "render Markdown", "build topic index",
            "build search index", "apply templates", "copy assets", "write",
        ] {
            #expect(result.stdout.contains(stage), "no \(stage) in \(result.stdout)")
        }
        let search = result.stdout.split(separator: "\n").first {
            $0.contains("build search index")
        }
        #expect(search?.hasSuffix("(beside the stages above)") == true, "\(result.stdout)")
    }
}

/// `sitegen check`: the build's checks, no output written.
@Suite struct CheckCommandTests {
    @Test func reportsProblemsWithoutWritingAndFailsUnderStrict() throws {
        let site = try CLITestSupport.copyFixture("broken-links")
        let relaxed = try CLITestSupport.sitegen(["check", "--source", site.path])
        #expect(relaxed.status == 0)
        #expect(
            relaxed.stderr.contains(
                "content/index.md:5:29: warning: broken link 'other.md#nowhere'"))
        #expect(
            relaxed.stderr.contains("content/other.md:9:7: warning: duplicate id 'real-heading'"))
        let strict = try CLITestSupport.sitegen(["check", "--source", site.path, "--strict"])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    @Test func cleanSiteChecksWithoutWarnings() throws {
        let result = try CLITestSupport.sitegen([
            "check", "--source", CLITestSupport.repository.path, "--strict", "--base-url",
            "https://example.org/nexus/",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Checked "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" pages: 0 warnings\n"), "\(result.stdout)")
    }
}

/// A second build keeps unchanged files as they were (same inode and modification time).
@Suite struct UnchangedOutputTests {
    @Test func unchangedFilesAreNotRewrittenAndChangedOnesAre() throws {
        let site = try CLITestSupport.copyFixture("plain-docs")
        #expect(
            try CLITestSupport.sitegen(["build", "--source", site.path, "--quiet"]).status == 0)
        let output = site.appendingPathComponent("public")
        func stamp(_ path: String) throws -> (Int, Date) {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: output.appendingPathComponent(path).path)
            return (
                (attributes[.systemFileNumber] as? Int) ?? 0,
                (attributes[.modificationDate] as? Date) ?? .distantPast
            )
        }
        let before = try stamp("guide/intro/index.html")
        let changedBefore = try stamp("guide/setup/index.html")
        Thread.sleep(forTimeInterval: 0.05)
        let note = site.appendingPathComponent("content/guide/setup.md")
        try (try String(contentsOf: note, encoding: .utf8) + "\nOne more line.\n").write(
            to: note, atomically: true, encoding: .utf8)
        #expect(
            try CLITestSupport.sitegen(["build", "--source", site.path, "--quiet"]).status == 0)
        let after = try stamp("guide/intro/index.html")
        #expect(after.0 == before.0 && after.1 == before.1, "unchanged page kept")
        let changedAfter = try stamp("guide/setup/index.html")
        #expect(changedAfter.0 != changedBefore.0)
        let html = try String(
            contentsOf: output.appendingPathComponent("guide/setup/index.html"), encoding: .utf8)
        #expect(html.contains("One more line."))
    }
}
