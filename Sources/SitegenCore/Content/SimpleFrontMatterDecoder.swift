import Foundation

/// Decodes the plain front matter most pages have (`key: value` lines for known keys, plain or
/// simply quoted scalars, block lists of scalars, `YYYY-MM-DD` dates, decimal integers,
/// `true`/`false`) straight from UTF-8 bytes. Anything else returns nil and goes to the full
/// YAML reader, which gives the same values (a differential test checks this).
struct SimpleFrontMatterDecoder {
    /// The front matter, or nil when the text needs the full YAML reader.
    /// `firstLine` is the file line of the YAML's first line.
    static func decode(_ yaml: String, firstLine: Int) -> FrontMatter? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var lines: [ArraySlice<UInt8>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                lines.append(ArraySlice(bytes[start..<index]))
                start = index + 1
            }
            return decode(lines: lines, firstLine: firstLine)
        }
    }

    private static func decode(lines: [ArraySlice<UInt8>], firstLine: Int) -> FrontMatter? {
        var matter = FrontMatter()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if isBlankOrComment(line) {
                index += 1
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                let key = keyName(line[line.startIndex..<colon]),
                matter.lines[key] == nil
            else { return nil }
            let rest = trimmed(line[(colon + 1)...])
            guard rest.isEmpty || line[colon + 1] == 0x20 else { return nil }
            matter.lines[key] = firstLine + index
            index += 1
            if rest.isEmpty {
                var items: [String] = []
                while index < lines.count, let item = listItem(lines[index]) {
                    guard let value = scalar(item) else { return nil }
                    items.append(value)
                    index += 1
                }
                guard !items.isEmpty, apply(key, list: items, to: &matter) else { return nil }
            } else if rest.first == UInt8(ascii: "[") {
                guard let items = flowList(rest), apply(key, list: items, to: &matter) else {
                    return nil
                }
            } else {
                guard let value = scalar(rest), apply(key, value, plain: isPlain(rest), to: &matter)
                else { return nil }
            }
        }
        return matter
    }

    private static let textKeys: Set<String> = ["title", "summary", "slug", "template"]

    /// Sets one scalar field; false when the value needs the full reader.
    private static func apply(
        _ key: String, _ value: String, plain: Bool, to matter: inout FrontMatter
    ) -> Bool {
        switch key {
        case "title": matter.title = value
        case "summary": matter.summary = value
        case "slug": matter.slug = value
        case "template": matter.template = value
        case "topics": matter.topics = [value]
        case "aliases": matter.aliases = [value]
        case "date", "updated":
            guard let date = day(value) else { return false }
            if key == "date" { matter.date = date } else { matter.updated = date }
        case "weight":
            guard plain, let weight = decimal(value) else { return false }
            matter.weight = weight
        case "draft":
            guard plain, value == "true" || value == "false" else { return false }
            matter.draft = value == "true"
        default: return false
        }
        return true
    }

    /// Sets a list field; false for any other key.
    private static func apply(_ key: String, list: [String], to matter: inout FrontMatter) -> Bool {
        switch key {
        case "topics": matter.topics = list
        case "aliases": matter.aliases = list
        default: return false
        }
        return true
    }

    private static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
        let content = trimmed(line)
        return content.isEmpty || (content.first == UInt8(ascii: "#") && line.first != 0x20)
    }

    /// A known key starting at column 1, or nil.
    private static func keyName(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.first.map(isLetter) == true, bytes.allSatisfy(isLetter) else { return nil }
        let key = String(decoding: bytes, as: UTF8.self)
        return FrontMatterParser.knownKeys.contains(key) ? key : nil
    }

    /// `- value` of a block list (any indentation), or nil.
    private static func listItem(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let content = line.drop { $0 == 0x20 }
        guard content.starts(with: [UInt8(ascii: "-"), 0x20]) else { return nil }
        let item = trimmed(content.dropFirst(2))
        return item.isEmpty ? nil : item
    }

    /// `[a, b]` with plain items, or nil.
    private static func flowList(_ bytes: ArraySlice<UInt8>) -> [String]? {
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "]") else { return nil }
        let inner = trimmed(bytes.dropFirst().dropLast())
        if inner.isEmpty { return [] }
        var items: [String] = []
        for part in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let item = trimmed(part)
            guard isPlain(item), !item.contains(where: { "[]{}".utf8.contains($0) }) else {
                return nil
            }
            items.append(String(decoding: item, as: UTF8.self))
        }
        return items
    }

    /// A plain, single-quoted or double-quoted scalar without escapes, or nil.
    private static func scalar(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let inner = bytes.dropFirst().dropLast()
            guard bytes.count >= 2, last == first, !inner.contains(first),
                !inner.contains(UInt8(ascii: "\\"))
            else { return nil }
            return String(decoding: inner, as: UTF8.self)
        }
        guard isPlain(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether bytes form a plain scalar that YAML reads as written.
    private static func isPlain(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, !Array("-?:,[]{}#&*!|>'\"%@`~".utf8).contains(first)
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x09 || byte < 0x20 { return false }
            if byte == UInt8(ascii: "#") && previous == 0x20 { return false }
            if byte == 0x20 && previous == UInt8(ascii: ":") { return false }
            previous = byte
        }
        if previous == UInt8(ascii: ":") { return false }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return !["null", "~", "yes", "no", "on", "off", "y", "n", ".nan", ".inf"].contains(text)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while slice.first == 0x20 { slice = slice.dropFirst() }
        while slice.last == 0x20 { slice = slice.dropLast() }
        return slice
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// A decimal integer without sign or leading zero (other forms go to the full reader).
    private static func decimal(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first != UInt8(ascii: "0") || bytes.count == 1,
            bytes.count < 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        return Int(text)
    }

    /// UTC midnight of a valid `YYYY-MM-DD`, else nil.
    private static func day(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return nil
        }
        return DateText.utcMidnight(year: year, month: month, day: day)
    }

}
