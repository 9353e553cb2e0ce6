import Foundation

/// The address the site is published under: a path such as `/nexus/`, optionally with an origin.
public struct BaseURL: Sendable, Equatable {
    /// Scheme and host such as `https://example.org`, when the base URL is absolute.
    public var origin: String?
    /// The path, always starting and ending with `/`.
    public var path: String

    /// Parses `/nexus`, `/nexus/`, `https://example.org/nexus/` or an empty string (root).
    public init(_ text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        origin = nil
        if let schemeEnd = rest.range(of: "://") {
            let afterScheme = rest[schemeEnd.upperBound...]
            let slash = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            origin = String(rest[..<slash])
            rest = String(rest[slash...])
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true)
        path = parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// Whether the base has a scheme and host.
    public var isAbsolute: Bool { origin != nil }

    /// The root-relative link for a site path such as `guide/intro/` (no leading slash).
    public func link(_ sitePath: String) -> String { path + sitePath }

    /// The absolute URL for a site path, when the base has an origin.
    public func absolute(_ sitePath: String) -> String? { origin.map { $0 + path + sitePath } }
}
