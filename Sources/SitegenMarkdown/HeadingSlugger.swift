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
        var copy = text
        if let ascii = copy.withUTF8(asciiSlug) { return ascii }
        return scalarSlug(text)
    }

    /// The slug of ASCII text, made on its bytes; nil when the text is not all ASCII. Among
    /// ASCII characters only letters are alphabetic and only digits numeric, so this equals
    /// `scalarSlug` there.
    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                slug.append(byte)
            case UInt8(ascii: " "): slug.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// The slug by Unicode scalars: lower-cased, spaces to `-`, keeping letters, numbers, `-`
    /// and `_`.
    static func scalarSlug(_ text: String) -> String {
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
