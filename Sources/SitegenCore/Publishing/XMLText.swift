/// Escaping for XML text and attribute values.
enum XMLText {
    /// Replaces `&`, `<`, `>`, `"` and `'` with entities (the same five as templates escape).
    static func escape(_ text: String) -> String {
        TemplateEscaper.escape(text)
    }
}
