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
        bySource.reserveCapacity(pages.count)
        // Pages are read in place: copying one retains every reference it holds.
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                if let source = pages[index].sourcePath { bySource[source] = pages[index].sitePath }
                if let folder = pages[index].sectionPath {
                    byFolder[folder] = pages[index].sitePath
                }
            }
        }
        self.pagesBySource = bySource
        self.sectionsByFolder = byFolder
        self.baseURL = baseURL
    }

    /// Whether a destination points outside the site (`https:`, `mailto:`, `//host`).
    public static func isExternal(_ destination: String) -> Bool {
        let bytes = destination.utf8
        if bytes.starts(with: "//".utf8) { return true }
        guard let first = bytes.first, isASCIILetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            let isSchemeByte =
                isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            if !isSchemeByte { return false }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Where links of one page resolve from: its site path and its source file's folder, found
    /// once per page rather than once per link.
    public struct Origin: Sendable {
        /// The page's site path.
        let sitePath: String
        /// The folder relative links start in.
        let folder: String

        /// The origin of `page`'s links.
        public init(_ page: Page) {
            sitePath = page.sitePath
            folder = page.sourcePath.map { PageCollector.parent(of: $0) } ?? page.sectionPath ?? ""
        }
    }

    /// Resolves `destination` written in the page `origin` stands for; nil for external or
    /// empty links.
    public func resolve(_ destination: String, from origin: Origin) -> LinkTarget? {
        guard !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        // The `#` and `?` are found on the bytes: `UTF8View.firstIndex(of:)` walked string
        // indices, a third of resolving a link.
        var rest = destination
        var fragment: String?
        if let hash = destination.utf8Offset(of: UInt8(ascii: "#")) {
            (rest, fragment) = destination.utf8Split(at: hash, keepingMark: false)
        }
        var query = ""
        if let mark = rest.utf8Offset(of: UInt8(ascii: "?")) {
            (rest, query) = rest.utf8Split(at: mark, keepingMark: true)
        }
        if rest.isEmpty {
            return LinkTarget(sitePath: origin.sitePath, fragment: fragment, href: destination)
        }
        let sitePath: String?
        if rest.utf8.first == UInt8(ascii: "/") {
            sitePath = String(rest.dropFirst())
        } else {
            sitePath = resolveRelative(rest, in: origin.folder)
        }
        let suffix = query + (fragment.map { "#" + $0 } ?? "")
        let href = sitePath.map { baseURL.link(Self.encode($0)) + suffix } ?? destination
        return LinkTarget(sitePath: sitePath, fragment: fragment, href: href)
    }

    private func resolveRelative(_ path: String, in folder: String) -> String? {
        let decoded =
            path.containsUTF8(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
        guard let joined = Self.normalise(folder.isEmpty ? decoded : folder + "/" + decoded) else {
            return nil
        }
        if Self.hasMarkdownSuffix(decoded) { return pagesBySource[joined] }
        let trimmed = joined.utf8.last == UInt8(ascii: "/") ? String(joined.dropLast()) : joined
        if let section = sectionsByFolder[trimmed],
            decoded.utf8.last == UInt8(ascii: "/")
                || !trimmed.containsUTF8(UInt8(ascii: "."))
        {
            return section
        }
        return joined
    }

    /// Collapses `.` and `..` and repeated slashes, on UTF-8 bytes; nil when the path climbs
    /// above the root. A trailing slash is kept.
    static func normalise(_ path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            let slash = UInt8(ascii: "/")
            let dot = UInt8(ascii: ".")
            var parts: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == slash {
                let part = start..<index
                start = index + 1
                if part.isEmpty || (part.count == 1 && bytes[part.lowerBound] == dot) { continue }
                if part.count == 2 && bytes[part.lowerBound] == dot
                    && bytes[part.lowerBound + 1] == dot
                {
                    guard !parts.isEmpty else { return nil }
                    parts.removeLast()
                } else {
                    parts.append(part)
                }
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (position, part) in parts.enumerated() {
                if position > 0 { out.append(slash) }
                out.append(contentsOf: bytes[part])
            }
            if bytes.last == slash && !out.isEmpty { out.append(slash) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether a path ends in `.md`, in any case.
    static func hasMarkdownSuffix(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            let count = bytes.count
            return count >= 3 && bytes[count - 3] == UInt8(ascii: ".")
                && bytes[count - 2] | 0x20 == UInt8(ascii: "m")
                && bytes[count - 1] | 0x20 == UInt8(ascii: "d")
        }
    }

    /// Percent-encodes what may not appear in a URL path (Foundation's `urlPathAllowed` set),
    /// on UTF-8 bytes; returns the path itself when nothing needs encoding.
    static func encode(_ sitePath: String) -> String {
        var path = sitePath
        guard path.withUTF8({ !$0.allSatisfy(isPathAllowed) }) else { return sitePath }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(sitePath.utf8.count + 16)
        for byte in sitePath.utf8 {
            if isPathAllowed(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a byte may stand unencoded in a URL path: letters, digits and
    /// `!$&'()*+,-./=@_~`.
    private static func isPathAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x21, 0x24, 0x26...0x2F, 0x3D, 0x40, 0x5F, 0x7E: return true
        default: return false
        }
    }
}
