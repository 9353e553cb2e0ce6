/// Build-time syntax highlighting: code in, HTML-escaped code with `<span class="hl-…">` out.
public enum SyntaxHighlighter {
    /// Whether `language` (a fence's first word, any case) is highlighted.
    public static func supports(_ language: String) -> Bool { false }

    /// The highlighted HTML for `code`, or nil when the language is not supported.
    public static func highlight(_ code: String, language: String) -> String? { nil }
}
