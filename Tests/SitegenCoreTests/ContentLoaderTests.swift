import Foundation
import Testing

@testable import SitegenCore

@Suite struct ContentLoaderTests {
    @Test func dotfilesAndEditorBackupsAreIgnoredAndOtherFilesAreAssets() throws {
        let root = try TestPaths.temporaryFolder()
        let names = [
            "index.md", "guide/intro.md", "guide/diagram.png", "CNAME", ".hidden.md", ".git/config",
            "guide/intro.md~", "guide/.intro.md.swp", "guide/#intro.md#", "guide/4913", "notes.bak",
            "draft.tmp",
        ]
        for name in names {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x".write(to: url, atomically: true, encoding: .utf8)
        }
        let result = ContentLoader(directory: root).load()
        #expect(result.sources.map(\.path) == ["guide/intro.md", "index.md"])
        #expect(result.assets.map(\.path) == ["CNAME", "guide/diagram.png"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aFileThatIsNotUTF8IsALocatedError() throws {
        let root = try TestPaths.temporaryFolder()
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: root.appendingPathComponent("bad.md"))
        let result = ContentLoader(directory: root).load()
        #expect(
            result.diagnostics.map(\.description) == [
                "content/bad.md: error: file is not valid UTF-8"
            ])
    }

    @Test func aBOMAndCRLFLineEndingsAreAccepted() {
        let parser = FrontMatterParser(path: "content/a.md")
        let (matter, split, problems) = parser.parse(
            "\u{FEFF}---\r\ntitle: Windows\r\nweight: 3\r\n---\r\nBody\r\n")
        #expect(problems.isEmpty)
        #expect(matter.title == "Windows" && matter.weight == 3)
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test(arguments: [
        ("---\ntitle: A\n---\nBody *text*\n", "Body *text*\n", 3),
        ("---\ntitle: A\n---\n\u{301}combining first\n", "\u{301}combining first\n", 3),
        ("---\ntitle: A\n---", "", 3),
        ("No front matter\n", "No front matter\n", 0),
        ("---\ntitle: never closed\n", "---\ntitle: never closed\n", 0),
    ])
    func bodiesAreTheExactBytesAfterTheFrontMatter(text: String, body: String, offset: Int) {
        let split = FrontMatterParser(path: "content/a.md").split(text).0
        #expect(Array(split.body.utf8) == Array(body.utf8))
        #expect(split.bodyLineOffset == offset)
        #expect(split.bodyStart == nil)
    }
}
