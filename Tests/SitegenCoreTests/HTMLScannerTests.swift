import Testing

@testable import SitegenCore

/// The scanner skips through tags by lookup table and through values by memchr; it must read
/// exactly what a byte-at-a-time reading reads, on well-formed and broken HTML alike.
@Suite struct HTMLScannerTests {
    /// The byte-at-a-time reading: `(kind, value)` pairs, kind "link" or "id".
    static func reference(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        var inTag = false
        func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func nameByte(_ byte: UInt8) -> Bool {
            letter(byte) || byte == 0x2D || byte == 0x3A || (byte >= 0x30 && byte <= 0x39)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3C {
                inTag = index + 1 < bytes.count && letter(bytes[index + 1])
            } else if byte == 0x3E {
                inTag = false
            } else if inTag && (byte == 0x20 || byte == 0x0A) {
                var end = index + 1
                while end < bytes.count, nameByte(bytes[end]) { end += 1 }
                if end > index + 1, end + 1 < bytes.count, bytes[end] == 0x3D,
                    bytes[end + 1] == 0x22 || bytes[end + 1] == 0x27
                {
                    let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                        .lowercased()
                    var close = end + 2
                    while close < bytes.count, bytes[close] != bytes[end + 1] { close += 1 }
                    let value = String(decoding: bytes[(end + 2)..<close], as: UTF8.self)
                    if name == "href" || name == "src" { found.append("link " + value) }
                    if name == "id" { found.append("id " + value) }
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        return found
    }

    static func scanned(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        bytes.withUnsafeBufferPointer {
            HTMLScanner().scan(
                $0, links: { found.append("link " + String(decoding: $0, as: UTF8.self)) },
                ids: { found.append("id " + String(decoding: $0, as: UTF8.self)) })
        }
        return found
    }

    @Test func readsWhatAByteAtATimeReadingReads() {
        let pieces = [
            "<a", " href=\"/x/\"", " HREF='/y'", " id=\"i\"", ">", "</a>", "<span class=\"k\">",
            "text ", "<", " ", "\n", "src=\"s\"", "=", "\"", "'", "<!-- c -->", "<p",
            " data-x=\"1\"",
            "id='", ">", "<1", "&amp;", "é",
        ]
        var generator = SeededRandom(state: 42)
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<24, using: &generator)
            let html = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined()
            let bytes = Array(html.utf8)
            #expect(Self.scanned(bytes) == Self.reference(bytes), "\(html)")
        }
    }
}
