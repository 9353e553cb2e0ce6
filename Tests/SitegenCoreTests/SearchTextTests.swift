import Foundation
import Testing

@testable import SitegenCore

/// `SearchText`: the same text whether it is a string or bytes left in a mapped file, and its
/// byte-level cut agrees with cutting the string by Unicode scalars.
@Suite struct SearchTextTests {
    /// The cut as defined on Unicode scalars: `length` scalars, back to a space when one is
    /// within the last 39, then `…`.
    func scalarCut(_ text: String, to length: Int) -> String {
        let scalars = text.unicodeScalars
        guard
            let end = scalars.index(
                scalars.startIndex, offsetBy: length, limitedBy: scalars.endIndex),
            end < scalars.endIndex
        else { return text }
        var head = scalars[..<end]
        if let space = head.lastIndex(of: " "), head.distance(from: space, to: head.endIndex) < 40 {
            head = head[..<space]
        }
        return String(head) + "…"
    }

    @Test func cuttingBytesAgreesWithCuttingScalars() {
        let words = ["index", "café", "naïve", "数据库", "🚀", "Δσ", "x", "querysets"]
        var texts = [
            "", "short", String(repeating: "a", count: 240), String(repeating: "é", count: 241),
        ]
        var seed: UInt64 = 42
        for _ in 0..<300 {
            var text = ""
            while text.unicodeScalars.count < 300 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += words[Int(seed >> 33) % words.count]
                text += seed & 1 == 0 ? " " : ""
            }
            texts.append(text)
        }
        for text in texts {
            for length in [0, 1, 39, 40, 41, 120, 240] {
                #expect(
                    SearchText(text).cut(to: length).string == scalarCut(text, to: length),
                    "\(length): \(text)")
            }
        }
    }

    @Test func damagedMappedBytesReachJSONRepaired() throws {
        // A short text, then a long one, each with a byte no UTF-8 text holds (and the digest
        // the cache keeps after each text).
        // Laid out as a section file lays texts out: the run of texts, then where each is.
        let texts = [[0x61, 0xFF, 0x62], Array(repeating: 0x61, count: 300) + [0xC3]] as [[UInt8]]
        var bytes: [UInt8] = []
        func append(_ value: Int) {
            withUnsafeBytes(of: UInt64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(texts.reduce(0) { $0 + $1.count })
        for text in texts { bytes.append(contentsOf: text) }
        var offset = 0
        for text in texts {
            append(offset)
            append(text.count)
            append(0)
            offset += text.count
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "search-text-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try #require(MappedFile(path: url.path))
        var reader = BinaryReader(file)
        let run = try reader.skipBytes()
        for _ in 0..<2 {
            let mapped = try reader.text(in: run)
            for text in [mapped.cut(to: 240), mapped] {
                var json = JSONBytes()
                SearchIndexBuilder.encode(
                    SearchEntry(url: "/", title: "", heading: "", body: text, topics: []),
                    into: &json)
                #expect(String(validating: json.bytes, as: UTF8.self) != nil)
            }
        }
    }

    @Test func mappedTextEqualsTheStringItWasWrittenFrom() throws {
        let texts = ["", "plain words", "naïve café 数据库 🚀 \"quoted\"\n\ttabs"]
        var writer = BinaryWriter()
        writer.int(texts.reduce(0) { $0 + $1.utf8.count })
        for text in texts { writer.raw(text) }
        var offset = 0
        for text in texts {
            writer.text(SearchText(text), at: offset)
            offset += text.utf8.count
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "search-text-\(UUID().uuidString)")
        try Data(writer.bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try #require(MappedFile(path: url.path))
        var reader = BinaryReader(file)
        let run = try reader.skipBytes()
        for text in texts {
            let mapped = try reader.text(in: run)
            #expect(mapped.isMapped)
            #expect(mapped.string == text)
            #expect(mapped == SearchText(text))
            #expect(mapped.utf8Count == text.utf8.count)
            var fromBytes = ContextHasher()
            mapped.withUTF8 { fromBytes.combine(utf8: $0) }
            var fromString = ContextHasher()
            fromString.combine(text)
            #expect(fromBytes.value == fromString.value, "chunk keys do not depend on storage")
            var json = JSONBytes()
            mapped.withUTF8 { json.string(utf8: $0) }
            var expected = JSONBytes()
            expected.string(text)
            #expect(json.bytes == expected.bytes)
        }
        #expect(reader.isAtEnd)
    }
}
