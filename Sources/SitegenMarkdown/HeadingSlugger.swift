/// Gives headings unique GitHub-style ids (`Caching strategies` → `caching-strategies`).
///
/// Repeats get `-1`, `-2`, …. Ids the theme or footnotes use (prefixes `fn-`, `fnref-`, `sg-`)
/// are reserved: a heading slug that starts with one is prefixed with `h-`.
public struct HeadingSlugger: Sendable {
    /// Prefixes that belong to footnotes and the theme.
    public static let reservedPrefixes = ["fn-", "fnref-", "sg-"]
    private var used: Set<String> = []

    /// Creates a slugger with nothing used yet.
    public init() {}

    /// Returns the GitHub-style slug of a heading text, without making it unique.
    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil
            {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Returns a unique id for a heading text and records it as used.
    public mutating func uniqueID(for text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "section" }
        if Self.reservedPrefixes.contains(where: { base.hasPrefix($0) }) { base = "h-" + base }
        var candidate = base
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }
}
