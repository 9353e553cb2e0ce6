import Foundation
import SitegenCore

/// One complete build held in memory; requests read a snapshot, never a half-built site.
public struct SiteSnapshot: Sendable {
    /// What a request for a path gets.
    public enum Lookup: Equatable, Sendable {
        /// A file and its content type.
        case file(Data, contentType: String)
        /// A folder asked for without its trailing slash: redirect here.
        case redirect(String)
        /// Nothing there.
        case notFound
    }

    /// Output path → bytes.
    public let files: [String: Data]
    /// The base path the site is served under.
    public let basePath: String
    /// Counts builds; the live-reload script compares it.
    public let generation: Int

    /// Creates a snapshot from a build's files.
    public init(files: [OutputFile], basePath: String, generation: Int) {
        var map: [String: Data] = [:]
        for file in files { map[file.path] = file.bytes() ?? Data() }
        self.files = map
        self.basePath = basePath
        self.generation = generation
    }

    /// Looks up a site path (already made safe by `RequestPath`).
    public func lookup(_ sitePath: String) -> Lookup {
        if sitePath.isEmpty || sitePath.hasSuffix("/") {
            guard let data = files[sitePath + "index.html"] else { return .notFound }
            return .file(data, contentType: ContentTypes.type(for: "index.html"))
        }
        if let data = files[sitePath] {
            return .file(data, contentType: ContentTypes.type(for: sitePath))
        }
        if files[sitePath + "/index.html"] != nil { return .redirect(basePath + sitePath + "/") }
        return .notFound
    }

    /// The site's `404.html`, if it has one.
    public var notFoundPage: Data? { files["404.html"] }
}
