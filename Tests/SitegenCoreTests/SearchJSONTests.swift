import Foundation
import Testing

@testable import SitegenCore

@Suite struct SearchJSONTests {
    @Test func entriesEncodeExactlyAsJSONEncoderWould() throws {
        var controls = ""
        for byte in 0..<0x20 { controls.unicodeScalars.append(UnicodeScalar(UInt8(byte))) }
        let entries = [
            SearchEntry(
                url: "/a/b/#x", title: "Q \"quoted\" \\ back/slash", heading: "",
                text: controls + "é ✓ \u{2028}", topics: ["a", "b/c"]),
            SearchEntry(url: "/", title: "", heading: "H", text: "", topics: []),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(SearchIndexBuilder.encode(entries) == (try encoder.encode(entries)))
        #expect(SearchIndexBuilder.encode([]) == (try encoder.encode([SearchEntry]())))
    }
}
