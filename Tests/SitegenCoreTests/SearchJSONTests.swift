import Foundation
import Testing

@testable import SitegenCore

@Suite struct SearchJSONTests {
    @Test func numbersAreWrittenAsTheirDecimalText() {
        var values = [0, 9, 10, 99, 100, 12_345, -1, -10, -98_765, Int.max, Int.min]
        var seed: UInt64 = 3
        for _ in 0..<1000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int(truncatingIfNeeded: seed) >> Int(seed % 60))
        }
        for value in values {
            var json = JSONBytes()
            json.number(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
    }

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
