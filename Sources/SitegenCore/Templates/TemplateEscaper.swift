import Mustache

/// The HTML escaping sitegen's templates use: the same five replacements as swift-mustache's
/// built-in HTML content type (`<`, `>`, `&`, `"`, `'`), done on UTF-8 bytes, returning the
/// string itself when nothing needs escaping.
///
/// Every template starts with a `{{% CONTENT_TYPE: SITEGEN_HTML }}` line added at compile time.
struct TemplateEscaper: MustacheContentType {
    /// The content-type name templates select.
    static let name = "SITEGEN_HTML"
    /// The line put before every template's text.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Makes the content type known to swift-mustache (idempotent).
    static func register() {
        MustacheContentTypes.register(TemplateEscaper(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by entities; the string itself when
    /// nothing needs escaping.
    static func escape(_ text: String) -> String {
        let needed = text.withUTF8Bytes { bytes in bytes.contains(where: isSpecial) }
        guard needed else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` to `output` with the same replacements, making no string.
    static func escape(_ text: String, into output: inout [UInt8]) {
        text.withUTF8Bytes { escape($0, into: &output) }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let firstSpecial = bytes.firstIndex(where: isSpecial) else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(contentsOf: bytes[..<firstSpecial])
        for byte in bytes[firstSpecial...] {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
