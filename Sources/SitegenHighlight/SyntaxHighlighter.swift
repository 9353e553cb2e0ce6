/// Build-time syntax highlighting: code in, HTML-escaped code with `<span class="hl-…">` out.
public enum SyntaxHighlighter {
    /// Whether `language` (a fence's first word, any case) is highlighted.
    public static func supports(_ language: String) -> Bool { false }

    /// The highlighted HTML for `code`, or nil when the language is not supported.
    public static func highlight(_ code: String, language: String) -> String? { nil }

    /// Escapes `&`, `<`, `>` and `"` the way cmark-gfm escapes code.
    public static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
