import Foundation

/// Reads `content/`: Markdown files as text, every other file as an asset to copy.
///
/// Dotfiles, dot-folders and editor backups are ignored.
public struct ContentLoader {
    /// What was found under `content/`.
    public struct Result: Sendable {
        /// Markdown files, sorted by path.
        public var sources: [SourceFile]
        /// Other files, sorted by path.
        public var assets: [AssetFile]
        /// Files that could not be read.
        public var diagnostics: [Diagnostic]
    }

    /// The content folder.
    public let directory: URL

    /// Creates a loader for a content folder.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Whether a file or folder name is one sitegen ignores.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
            || name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name.hasSuffix(".bak") || name.hasSuffix(".orig")
            || name == "4913"
    }

    /// Walks the folder; a missing folder is an empty site.
    public func load() -> Result {
        var result = Result(sources: [], assets: [], diagnostics: [])
        for relative in listFiles() {
            let url = directory.appendingPathComponent(relative)
            if relative.lowercased().hasSuffix(".md")
                || relative.lowercased().hasSuffix(".markdown")
            {
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    result.diagnostics.append(
                        .error(SourceLocation(path: "content/" + relative), "cannot read file"))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    result.diagnostics.append(
                        .error(
                            SourceLocation(path: "content/" + relative), "file is not valid UTF-8"))
                    continue
                }
                result.sources.append(SourceFile(path: relative, text: text))
            } else {
                result.assets.append(AssetFile(path: relative, source: url))
            }
        }
        return result
    }

    /// Relative paths of every file that is not ignored, sorted.
    func listFiles() -> [String] {
        var files: [String] = []
        collect(directory, prefix: "", into: &files)
        return files.sorted()
    }

    private func collect(_ folder: URL, prefix: String, into files: inout [String]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !Self.isIgnored(name) {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                continue
            }
            if isDirectory.boolValue {
                collect(url, prefix: prefix + name + "/", into: &files)
            } else {
                files.append(prefix + name)
            }
        }
    }
}
