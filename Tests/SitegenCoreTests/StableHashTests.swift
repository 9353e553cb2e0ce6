import Foundation
import Testing

@testable import SitegenCore

/// Names in the output and cache keys rest on FNV-1a: the published test vectors must hold,
/// whether the bytes come from a string, an array or a sequence with no contiguous storage.
@Suite struct StableHashTests {
    @Test func matchesTheFNV1aTestVectors() {
        let vectors: [(String, UInt64)] = [
            ("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ]
        for (text, expected) in vectors {
            #expect(StableHash.fnv1a(text.utf8) == expected, "\(text)")
            #expect(StableHash.fnv1a(Array(text.utf8)) == expected)
            #expect(StableHash.fnv1a(text.utf8.lazy.map { $0 }) == expected)
        }
    }

    @Test func everySourceOfTheSameBytesHashesAlike() {
        for text in ["guides/intro/", "é/中/😀", String(repeating: "long path/", count: 40)] {
            let bytes = Array(text.utf8)
            let hash = StableHash.fnv1a(bytes.lazy.map { $0 })
            #expect(StableHash.fnv1a(text.utf8) == hash)
            #expect(StableHash.fnv1a(Substring(text).utf8) == hash)
            #expect(StableHash.fnv1a(bytes[...]) == hash)
        }
    }

    @Test func mixIsSplitMix64sFinaliser() {
        // SplitMix64 seeded with 0 gives these first two outputs.
        #expect(StableHash.mix(0) == 0xE220_A839_7B1D_CDAF)
        #expect(StableHash.mix(0x9E37_79B9_7F4A_7C15) == 0x6E78_9E6A_A1B9_65F4)
    }
}
