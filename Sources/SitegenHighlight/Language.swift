/// A highlighted language; `init?(name:)` resolves a fence name or alias and `lex` runs its lexer.
enum Language: Sendable, CaseIterable {
    /// The supported languages, one per lexer.
    case python, bash, console, yaml, json, sql, dockerfile, toml, ini, javascript, http, swift

    /// The language named `name` (a name or alias, any ASCII case), or nil when it is not supported.
    init?(name: String) {
        switch name.lowercased() {
        case "python", "py": self = .python
        case "bash", "sh", "shell", "zsh": self = .bash
        case "console", "shell-session": self = .console
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "sql": self = .sql
        case "dockerfile", "docker": self = .dockerfile
        case "toml": self = .toml
        case "ini", "cfg": self = .ini
        case "javascript", "js": self = .javascript
        case "http": self = .http
        case "swift": self = .swift
        default: return nil
        }
    }

    /// Runs this language's lexer over the whole of `s`.
    func lex(_ s: inout ByteScanner) {
        switch self {
        case .python: PythonLexer().lex(&s)
        case .bash:
            var lexer = BashLexer()
            lexer.lex(&s)
        case .console: ConsoleLexer().lex(&s)
        case .yaml:
            var lexer = YAMLLexer()
            lexer.lex(&s)
        case .json: JSONLexer().lex(&s)
        case .sql: SQLLexer().lex(&s)
        case .dockerfile: DockerfileLexer().lex(&s)
        case .toml:
            var lexer = TOMLLexer()
            lexer.lex(&s)
        case .ini: INILexer().lex(&s)
        case .javascript:
            var lexer = JavaScriptLexer()
            lexer.lex(&s)
        case .http: HTTPLexer().lex(&s)
        case .swift:
            var lexer = SwiftLexer()
            lexer.lex(&s)
        }
    }
}
