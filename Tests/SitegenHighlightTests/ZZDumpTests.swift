import Foundation
import Testing
@testable import SitegenHighlight

@Suite struct ZZDump {
    @Test func dump() throws {
        var out = ""
        for b in try HighlightCheck.contentCodeBlocks() {
            let lang = String(b.info.split(separator: " ").first ?? "")
            guard let h = SyntaxHighlighter.highlight(b.code, language: lang) else { continue }
            out += "=== \(b.file) \(b.info)\n" + h + "\n"
        }
        try out.write(toFile: "/tmp/hl/dump.html", atomically: true, encoding: .utf8)
    }
}
