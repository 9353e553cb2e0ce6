import Foundation
import Testing

@testable import SitegenCore

/// The byte-level front matter decoder must agree with the full YAML reader whenever it answers.
@Suite struct SimpleFrontMatterDecoderTests {
    static let tricky = [
        "title: Plain title\nweight: 3\ndraft: false\ndate: 2024-02-29",
        "title: \"Quoted: with colon\"\nsummary: 'single # quoted'\ntopics:\n  - a\n  - \"b c\"",
        "topics:\n- x\n- y\naliases: /old/\nupdated: 2023-12-31\nslug: my-page",
        "title: It's fine\ntemplate: page\n# a comment\n\nweight: 10",
        "title: 2024\nsummary: true\ndraft: true", "weight: 007", "weight: -1", "weight: 1_000",
        "weight: \"5\"", "draft: yes", "title: a: b", "title: x # comment", "title: ~",
        "title: null", "title: 'it''s'", "title: \"esc \\\" quote\"", "summary: one\n  two",
        "topics: [a, b]", "date: 2024-02-30", "date: 2024-05-01T10:00:00Z", "date: \"2024-05-01\"",
        "title: x\ntitle: y", "unknown: 1", "title:", "topics:\n  - a: b", "title:x",
        "title: [1]", "  title: x", "title: x\n  # indented comment", "title: ünïcode ✓",
        "", "topics: [a, b]", "topics: []", "topics: [a,,b]", "topics: [a, 'b']",
        "topics: [a, [b]]", "aliases: [/x/, /y/]", "topics: [ a , b ]",
    ]

    static func frontMatterTexts() throws -> [String] {
        var texts = tricky
        for folder in ["content", "Tests/SitegenCoreTests/Fixtures"] {
            let root = TestPaths.repository.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap {
                $0 as? String
            }
            for file in files ?? [] where file.hasSuffix(".md") {
                let text = try String(
                    contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                if let yaml = FrontMatterParser(path: file).split(text).0.yaml {
                    texts.append(yaml)
                }
            }
        }
        return texts
    }

    @Test func agreesWithTheYAMLReaderWheneverItAnswers() throws {
        var answered = 0
        for yaml in try Self.frontMatterTexts() {
            guard let simple = SimpleFrontMatterDecoder.decode(yaml, firstLine: 2) else { continue }
            answered += 1
            let (full, problems) = FrontMatterParser(path: "x.md").decodeWithYAMLReader(yaml)
            #expect(problems.isEmpty, "\(yaml)")
            #expect(simple == full, "\(yaml)")
        }
        #expect(answered > 40)
    }

    @Test func answersTheCommonShapesAndLeavesTheRestToYAML() {
        let common =
            "title: \"Architecture\"\nsummary: \"Stream it.\"\ntopics:\n  - security\n  - aws\ndate: 2024-09-17\nweight: 357"
        let matter = SimpleFrontMatterDecoder.decode(common, firstLine: 2)
        #expect(matter?.title == "Architecture")
        #expect(matter?.topics == ["security", "aws"])
        #expect(matter?.weight == 357)
        #expect(matter?.lines == ["title": 2, "summary": 3, "topics": 4, "date": 7, "weight": 8])
        for yaml in [
            "weight: 007", "draft: yes", "title: a: b", "unknown: 1", "title: x\ntitle: y",
        ] {
            #expect(SimpleFrontMatterDecoder.decode(yaml, firstLine: 2) == nil, "\(yaml)")
        }
    }
}
