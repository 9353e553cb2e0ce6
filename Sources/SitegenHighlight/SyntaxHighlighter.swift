/// Build-time syntax highlighting: code in, HTML-escaped code with `<span class="hl-…">` tokens out.
///
/// Text is escaped exactly as cmark-gfm escapes code (`&`, `<`, `>`, `"`), so removing the spans and
/// unescaping gives back the input byte for byte. Spans never nest and never contain a line break.
public enum SyntaxHighlighter {
    /// Whether `language` (a fence's first word, any case) is highlighted.
    public static func supports(_ language: String) -> Bool {
        Language(name: firstWord(of: language)) != nil
    }

    /// The highlighted HTML for `code`, or nil when the language is not supported.
    public static func highlight(_ code: String, language: String) -> String? {
        guard let language = Language(name: firstWord(of: language)) else { return nil }
        var scanner = ByteScanner(Array(code.utf8))
        language.lex(&scanner)
        return scanner.finish()
    }

    /// Escapes text exactly as cmark-gfm escapes code (`&`, `<`, `>`, `"`).
    public static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var buffer = HTMLBuffer(capacity: bytes.count)
        buffer.appendEscaped(bytes, 0..<bytes.count)
        return buffer.string
    }

    /// The first whitespace-separated word of a fence's info string (`python complete` → `python`).
    static func firstWord(of info: String) -> String {
        String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}
