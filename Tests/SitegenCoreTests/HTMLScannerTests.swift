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
        _ = bytes.withUnsafeBufferPointer {
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

    static func endsOutsideTags(_ html: String) -> Bool {
        Array(html.utf8).withUnsafeBufferPointer {
            HTMLScanner().scan($0, links: { _ in }, ids: { _ in })
        }
    }

    @Test func endsOutsideTagsOnlyWhenNothingIsLeftOpen() {
        #expect(Self.endsOutsideTags(""))
        #expect(Self.endsOutsideTags("text"))
        #expect(Self.endsOutsideTags(#"<li><a href="/x/">X</a></li>"#))
        #expect(Self.endsOutsideTags("<!-- c --> a < b"))
        #expect(!Self.endsOutsideTags("<p"))
        #expect(!Self.endsOutsideTags(#"<a href="/x/"#))
        #expect(!Self.endsOutsideTags("<a href='/x/'"))
        #expect(!Self.endsOutsideTags("text<"))
    }

    /// A part that ends outside tags scans alone as it does at the start of a longer document,
    /// and what follows it scans as it would alone: the property that lets a page's check pass
    /// over its navigation.
    @Test func aPartEndingOutsideTagsSplitsTheScan() {
        let pieces = [
            "<a", " href=\"/x/\"", " id=\"i\"", ">", "</a>", "<span class=\"k\">", "text ", "<",
            " ", "\n", "src='s'", "=", "\"", "'", "<!-- c -->", "<p", "id='", "<1",
        ]
        var generator = SeededRandom(state: 7)
        var (split, open) = (0, 0)
        for _ in 0..<4000 {
            func html() -> String {
                let count = Int.random(in: 0..<12, using: &generator)
                return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }
                    .joined()
            }
            let (first, second) = (html(), html())
            guard Self.endsOutsideTags(first) else {
                open += 1
                continue
            }
            split += 1
            let whole = Self.scanned(Array((first + second).utf8))
            #expect(
                Self.scanned(Array(first.utf8)) + Self.scanned(Array(second.utf8)) == whole,
                "\(first) | \(second)")
        }
        #expect(split > 500 && open > 500)
    }
}
