import Foundation

/// Rewrites links written in Markdown into root-relative site URLs.
///
/// `.md` links become the target page's URL (fragment kept); root-absolute links get the base
/// path; other relative links resolve against the source file's folder, so co-located files
/// keep working under pretty URLs. External links are left alone.
public struct LinkResolver: Sendable {
    /// Content path (`guide/intro.md`) → site path (`guide/intro/`).
    let pagesBySource: [String: String]
    /// Folder (`guide`) → its section page's site path.
    let sectionsByFolder: [String: String]
    /// The site's base URL.
    let baseURL: BaseURL

    /// Creates a resolver for a set of pages.
    public init(pages: [Page], baseURL: BaseURL) {
        var bySource: [String: String] = [:]
        var byFolder: [String: String] = [:]
        for page in pages {
            if let source = page.sourcePath { bySource[source] = page.sitePath }
            if let folder = page.sectionPath { byFolder[folder] = page.sitePath }
        }
        self.pagesBySource = bySource
        self.sectionsByFolder = byFolder
        self.baseURL = baseURL
    }

    /// Whether a destination points outside the site (`https:`, `mailto:`, `//host`).
    public static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
            && scheme.first?.isLetter == true
    }

    /// Resolves `destination` written in the page `page`; nil for external or empty links.
    public func resolve(_ destination: String, in page: Page) -> LinkTarget? {
        guard !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        var rest = destination
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[mark...])
            rest = String(rest[..<mark])
        }
        if rest.isEmpty {
            return LinkTarget(sitePath: page.sitePath, fragment: fragment, href: destination)
        }
        let sitePath: String?
        if rest.hasPrefix("/") {
            sitePath = String(rest.dropFirst())
        } else {
            sitePath = resolveRelative(rest, from: page)
        }
        let suffix = query + (fragment.map { "#" + $0 } ?? "")
        let href = sitePath.map { baseURL.link(Self.encode($0)) + suffix } ?? destination
        return LinkTarget(sitePath: sitePath, fragment: fragment, href: href)
    }

    private func resolveRelative(_ path: String, from page: Page) -> String? {
        let folder = page.sourcePath.map { PageCollector.parent(of: $0) } ?? page.sectionPath ?? ""
        let decoded =
            path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
        guard let joined = Self.normalise(folder.isEmpty ? decoded : folder + "/" + decoded) else {
            return nil
        }
        if decoded.lowercased().hasSuffix(".md") { return pagesBySource[joined] }
        let trimmed = joined.hasSuffix("/") ? String(joined.dropLast()) : joined
        if let section = sectionsByFolder[trimmed], decoded.hasSuffix("/") || !trimmed.contains(".")
        {
            return section
        }
        return joined
    }

    /// Collapses `.` and `..`; nil when the path climbs above the root.
    static func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }

    /// Percent-encodes what may not appear in a URL path.
    static func encode(_ sitePath: String) -> String {
        sitePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? sitePath
    }
}
