import Foundation

/// Reads link targets and ids out of generated HTML, working on UTF-8 bytes.
///
/// Only attributes inside tags are read (`href`, `src`, `id`, quoted with `"` or `'`); text
/// cannot hold an attribute because cmark and the templates escape quotes in text.
public struct HTMLScanner: Sendable {
    /// What one page holds.
    public struct Result: Sendable, Equatable {
        /// `href` and `src` values, entities decoded, in document order.
        public var links: [String] = []
        /// `id` values in document order (repeats included).
        public var ids: [String] = []
    }

    /// Creates a scanner.
    public init() {}

    /// Scans one HTML document held in memory.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var result = Result()
        scan(
            bytes,
            links: {
                result.links.append(Self.decodeEntities(String(decoding: $0, as: UTF8.self)))
            },
            ids: { result.ids.append(Self.decodeEntities(String(decoding: $0, as: UTF8.self))) })
        return result
    }

    /// Scans one HTML document, passing each `href`/`src` value and each `id` value to the
    /// closures as raw bytes (entities not decoded), in document order.
    ///
    /// Returns whether the bytes end outside any tag with nothing read past their end (no `<`
    /// as the last byte): then a document made of these bytes and others scans the others
    /// exactly as it would alone, so a part can be scanned, or passed over, on its own.
    @discardableResult
    public func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, links: (UnsafeBufferPointer<UInt8>) -> Void,
        ids: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        var inTag = false
        var endsOpen = false
        Self.stops.withUnsafeBufferPointer { stops in
            while index < count {
                if !inTag {
                    // Outside tags only `<` matters: memchr finds it many bytes at a time.
                    guard
                        let found = memchr(
                            base + index, Int32(UInt8(ascii: "<")), count - index)
                    else { return }
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    // Inside a tag only `<`, `>`, a space and a line break matter.
                    while index < count, !stops[Int(base[index])] { index += 1 }
                    guard index < count else { return }
                }
                let byte = base[index]
                if byte == UInt8(ascii: "<") {
                    endsOpen = index + 1 == count
                    inTag = index + 1 < count && Self.isTagStart(base[index + 1])
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                } else if inTag {
                    if let (name, value, end) = attribute(bytes, from: index + 1) {
                        let slice = UnsafeBufferPointer(rebasing: bytes[value])
                        switch name {
                        case .link: links(slice)
                        case .id: ids(slice)
                        case .other: break
                        }
                        index = end
                        continue
                    }
                }
                index += 1
            }
        }
        return !inTag && !endsOpen
    }

    /// The bytes that end a run inside a tag: `<`, `>`, a space and a line break.
    private static let stops: [Bool] = (0..<256).map {
        $0 == 0x3C || $0 == 0x3E || $0 == 0x20 || $0 == 0x0A
    }

    private static func isTagStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The attributes the scanner reads.
    private enum AttributeKind { case link, id, other }

    /// Reads `name="value"` starting at `start`: the kind, the value's range and where the
    /// attribute ends; nil when no quoted attribute starts there.
    private func attribute(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (
        AttributeKind, Range<Int>, Int
    )? {
        var index = start
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > start, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            return nil
        }
        let quote = bytes[index + 1]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        let kind = Self.kind(of: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        var end = bytes.count
        if index + 2 < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + index + 2, Int32(quote), bytes.count - index - 2)
        {
            end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        return (kind, (index + 2)..<end, end + 1)
    }

    /// `href` and `src` (any case) are links, `id` is an id.
    private static func kind(of name: UnsafeBufferPointer<UInt8>) -> AttributeKind {
        func equals(_ word: StaticString) -> Bool {
            guard name.count == word.utf8CodeUnitCount else { return false }
            for offset in 0..<name.count where name[offset] | 0x20 != word.utf8Start[offset] {
                return false
            }
            return true
        }
        if equals("href") || equals("src") { return .link }
        return equals("id") ? .id : .other
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isTagStart(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Decodes the entities cmark and Mustache write in attributes.
    static func decodeEntities(_ text: String) -> String {
        guard text.containsUTF8(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(
                of: "&lt;", with: "<"
            )
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(
                of: "&amp;", with: "&")
    }
}
