/// Content types by file extension for everything a site may hold.
public enum ContentTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json",
        "xml": "application/xml", "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "wasm": "application/wasm",
        "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "zip": "application/zip", "gz": "application/gzip",
    ]

    /// The content type for a path (`application/octet-stream` when unknown).
    public static func type(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "CNAME" { return "text/plain; charset=utf-8" }
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()]
            ?? "application/octet-stream"
    }
}
