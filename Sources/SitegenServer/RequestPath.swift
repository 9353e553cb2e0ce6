import Foundation

/// Turns a request's raw path into a path inside the built site, refusing anything that could
/// reach outside it: `..` (also percent-encoded), encoded slashes, backslashes, NUL bytes and
/// over-long paths.
public enum RequestPath {
    /// Why a path was refused, with the HTTP status to answer.
    public enum Problem: Error, Equatable {
        /// 400: malformed or unsafe.
        case badRequest
        /// 404: outside the base path.
        case notFound
    }

    /// Longest raw path accepted.
    public static let maximumLength = 2048

    /// The site path (no leading slash, percent-decoded) for `raw` under `basePath` (`/nexus/`).
    public static func resolve(_ raw: String, basePath: String) -> Result<String, Problem> {
        guard raw.utf8.count <= maximumLength, raw.hasPrefix("/") else {
            return .failure(.badRequest)
        }
        let lowered = raw.lowercased()
        for forbidden in ["%2f", "%5c", "%00", "\\", "\0"] where lowered.contains(forbidden) {
            return .failure(.badRequest)
        }
        guard let decoded = raw.removingPercentEncoding, !decoded.contains("\0") else {
            return .failure(.badRequest)
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .failure(.badRequest) }
        if decoded.contains("//") { return .failure(.badRequest) }
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        if decoded + "/" == base { return .success("") }
        guard decoded.hasPrefix(base) else { return .failure(.notFound) }
        return .success(String(decoded.dropFirst(base.count)))
    }
}
