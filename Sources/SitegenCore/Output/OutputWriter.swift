import Foundation

/// Writes the site into a staging folder beside the output, then swaps it in.
///
/// A failed build leaves the previous output exactly as it was. sitegen never deletes what it
/// did not make: it refuses an output folder that is the site root, `content/`, `templates/` or
/// an ancestor of them, and a non-empty folder without its marker file.
public struct OutputWriter: Sendable {
    /// The marker file sitegen leaves in every output folder it writes.
    public static let markerName = ".sitegen-output"

    /// Site and output locations.
    public let paths: SitePaths
    /// Worker count, or nil for all cores.
    public let jobs: Int?

    /// Creates a writer.
    public init(paths: SitePaths, jobs: Int? = nil) {
        self.paths = paths
        self.jobs = jobs
    }

    /// Problems that forbid writing to the output folder.
    public func checkOutputFolder() -> [Diagnostic] {
        let output = paths.output.path
        let location = SourceLocation(path: output)
        for source in [paths.content, paths.templates] where output.hasPrefix(source.path + "/") {
            return [
                .error(
                    location,
                    "refusing to write output into \(output): it is inside the site's \(source.lastPathComponent)/ folder"
                )
            ]
        }
        for protected in [paths.root, paths.content, paths.templates] {
            let path = protected.standardizedFileURL.path
            if path == output || path.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
                return [
                    .error(
                        location,
                        "refusing to write output into \(output): it holds the site's sources")
                ]
            }
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            return [.error(location, "output path exists and is not a folder")]
        }
        let entries = (try? manager.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) {
            return [
                .error(
                    location,
                    "refusing to replace \(output): it is not empty and was not written by sitegen (no \(Self.markerName))"
                )
            ]
        }
        return []
    }

    /// Writes every file to staging, then replaces the output with it.
    public func write(_ files: [OutputFile]) -> [Diagnostic] {
        let problems = checkOutputFolder()
        guard problems.isEmpty else { return problems }
        let manager = FileManager.default
        let parent = paths.output.deletingLastPathComponent()
        let name = paths.output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).sitegen-staging")
        let old = parent.appendingPathComponent(".\(name).sitegen-old")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try writeAll(files, into: staging)
            try Data().write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            try? manager.removeItem(at: staging)
            return [
                .error(
                    SourceLocation(path: paths.output.path),
                    "cannot write output: \(error.localizedDescription)")
            ]
        }
        return swap(staging: staging, old: old)
    }

    private func writeAll(_ files: [OutputFile], into staging: URL) throws {
        let manager = FileManager.default
        var folders = Set<String>()
        for file in files {
            var folder = PageCollector.parent(of: file.path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = PageCollector.parent(of: folder)
            }
        }
        for folder in folders.sorted() {
            try manager.createDirectory(
                at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let previous = paths.output
        let failures = files.parallelMap(jobs: jobs) { file -> String? in
            let target = staging.appendingPathComponent(file.path)
            do {
                switch file.contents {
                case .data(let data):
                    if !Self.linkUnchanged(
                        data, from: previous.appendingPathComponent(file.path), to: target)
                    {
                        try data.write(to: target)
                    }
                case .copy(let source): try FileManager.default.copyItem(at: source, to: target)
                }
                return nil
            } catch {
                return "\(file.path): \(error.localizedDescription)"
            }
        }.compactMap { $0 }
        if let first = failures.first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: first])
        }
    }

    /// Hard-links the previous output's file into staging when its bytes are the same, so an
    /// unchanged file keeps its modification time (rsync-style deploys stay small).
    static func linkUnchanged(_ data: Data, from previous: URL, to target: URL) -> Bool {
        guard
            let size = (try? FileManager.default.attributesOfItem(atPath: previous.path))?[.size]
                as? Int,
            size == data.count, FileManager.default.contents(atPath: previous.path) == data
        else { return false }
        return link(previous.path, target.path) == 0
    }

    private func swap(staging: URL, old: URL) -> [Diagnostic] {
        let manager = FileManager.default
        try? manager.removeItem(at: old)
        do {
            if manager.fileExists(atPath: paths.output.path) {
                try manager.moveItem(at: paths.output, to: old)
            }
            try manager.moveItem(at: staging, to: paths.output)
            try? manager.removeItem(at: old)
            return []
        } catch {
            if !manager.fileExists(atPath: paths.output.path) {
                try? manager.moveItem(at: old, to: paths.output)
            }
            try? manager.removeItem(at: staging)
            return [
                .error(
                    SourceLocation(path: paths.output.path),
                    "cannot replace output: \(error.localizedDescription)")
            ]
        }
    }
}
