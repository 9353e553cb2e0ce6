/// The kind of a highlighted token; `letter` is its CSS class suffix (`hl-k`, `hl-s`, …).
enum TokenKind: Sendable, CaseIterable {
    /// A keyword (`hl-k`).
    case keyword
    /// A string literal (`hl-s`).
    case string
    /// A comment (`hl-c`).
    case comment
    /// A number (`hl-n`).
    case number
    /// A builtin, type or constant such as `True`, `None`, `null` (`hl-b`).
    case builtin
    /// An attribute or key: YAML/JSON/TOML/INI keys, HTTP header names (`hl-a`).
    case attribute
    /// A tag, section or instruction: `[section]`, `FROM`, an HTTP method or status code (`hl-t`).
    case tag
    /// A variable such as `$VAR` or `${VAR}` (`hl-v`).
    case variable
    /// A decorator or annotation such as `@decorator` (`hl-d`).
    case decorator
    /// A console prompt (`hl-p`).
    case prompt
    /// A function name where it is defined (`hl-f`).
    case function

    /// The ASCII letter after `hl-` in the class name.
    var letter: UInt8 {
        switch self {
        case .keyword: UInt8(ascii: "k")
        case .string: UInt8(ascii: "s")
        case .comment: UInt8(ascii: "c")
        case .number: UInt8(ascii: "n")
        case .builtin: UInt8(ascii: "b")
        case .attribute: UInt8(ascii: "a")
        case .tag: UInt8(ascii: "t")
        case .variable: UInt8(ascii: "v")
        case .decorator: UInt8(ascii: "d")
        case .prompt: UInt8(ascii: "p")
        case .function: UInt8(ascii: "f")
        }
    }
}
