import Foundation

/// Gives theme CSS and JavaScript content-hashed names (`assets/style.3f2a1b9c0d.css`), so hosts
/// can cache them forever; a name changes exactly when the bytes do.
public struct AssetFingerprinter: Sendable {
    /// Extensions that get hashed names.
    public static let hashedExtensions: Set<String> = ["css", "js"]

    /// The theme asset files to write, under their final names.
    public let files: [OutputFile]
    /// Original path (`assets/style.css`) → final path.
    public let names: [String: String]

    /// Fingerprints the theme's assets.
    public init(assets: [String: Data]) {
        var files: [OutputFile] = []
        var names: [String: String] = [:]
        for path in assets.keys.sorted() {
            guard let data = assets[path] else { continue }
            let final = Self.fingerprinted(path, data: data)
            names[path] = final
            files.append(OutputFile(path: final, contents: .data(data)))
        }
        self.files = files
        self.names = names
    }

    /// `assets/style.css` → `assets/style.<hash>.css` for hashed extensions, else unchanged.
    static func fingerprinted(_ path: String, data: Data) -> String {
        guard let dot = path.lastIndex(of: ".") else { return path }
        let ext = String(path[path.index(after: dot)...])
        guard hashedExtensions.contains(ext) else { return path }
        return "\(path[..<dot]).\(StableHash.hex(data)).\(ext)"
    }

    /// Template keys for each asset: `assets/style.css` → `style_css`.
    public static func key(for path: String) -> String {
        let name = path.hasPrefix("assets/") ? String(path.dropFirst(7)) : path
        return name.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
}
