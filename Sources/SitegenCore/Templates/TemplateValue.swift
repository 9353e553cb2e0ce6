import Foundation

/// A value templates see, told apart by its case: `CompiledTemplateRenderer` looks names up and
/// walks sections without the dynamic casts a `[String: Any]` context costs on every lookup.
/// `any` gives swift-mustache the same value as `[String: Any]`, arrays and scalars.
enum TemplateValue: @unchecked Sendable {
    /// Text.
    case string(String)
    /// A flag; `false` also stands for an absent optional value.
    case bool(Bool)
    /// A number.
    case int(Int)
    /// Named values.
    case map([String: TemplateValue])
    /// A list.
    case list([TemplateValue])
    /// A page body.
    case content(PageContent)
    /// A list built only when iterated; left to swift-mustache.
    case lazyList(LazyContextList)
    /// A value of any other type; left to swift-mustache.
    case other(Any)

    /// `text`, or `false` when there is none.
    static func text(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.string) ?? .bool(false)
    }

    /// The value told apart by its exact type, as swift-mustache would see it: strings,
    /// booleans, integers, page bodies, `[String: Any]` and `[String: String]` dictionaries, and
    /// `[[String: Any]]`, `[Any]` and `[String]` arrays; anything else is `other`.
    init(_ value: Any) {
        switch value {
        case let typed as TemplateValue: self = typed
        case let text as String where type(of: value) == String.self: self = .string(text)
        case let flag as Bool where type(of: value) == Bool.self: self = .bool(flag)
        case let number as Int where type(of: value) == Int.self: self = .int(number)
        case let content as PageContent: self = .content(content)
        case let lazy as LazyContextList: self = .lazyList(lazy)
        case let map as [String: Any] where type(of: value) == [String: Any].self:
            self = .map(map.mapValues(TemplateValue.init))
        case let map as [String: String] where type(of: value) == [String: String].self:
            self = .map(map.mapValues(TemplateValue.string))
        case let list as [[String: Any]] where type(of: value) == [[String: Any]].self:
            self = .list(list.map { .map($0.mapValues(TemplateValue.init)) })
        case let list as [Any] where type(of: value) == [Any].self:
            self = .list(list.map(TemplateValue.init))
        case let list as [String] where type(of: value) == [String].self:
            self = .list(list.map(TemplateValue.string))
        default: self = .other(value)
        }
    }

    /// The value as swift-mustache takes it.
    var any: Any {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag
        case .int(let number): return number
        case .map(let map): return map.mapValues(\.any)
        case .list(let list): return list.map(\.any)
        case .content(let content): return content
        case .lazyList(let lazy): return lazy
        case .other(let value): return value
        }
    }
}
