import Foundation

/// Writes the site into a staging folder beside the output, then swaps it in, or, when an
/// output already exists, moves only the new and changed files into it and deletes the ones
/// the build no longer makes.
///
/// A failed build leaves the previous output exactly as it was. sitegen never deletes what it
/// did not make: it refuses an output folder that is the site root, `content/`, `templates/` or
/// an ancestor of them, and a non-empty folder without its marker file.
public struct OutputWriter: Sendable {
    /// The marker file sitegen leaves in every output folder it writes.
    public static let markerName = ".sitegen-output"

    /// Site and output locations.
    public let paths: SitePaths

    /// Creates a writer.
    public init(paths: SitePaths) {
        self.paths = paths
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

    /// Prepares a staging folder beside the output, after checking the output folder; the folder
    /// itself is created with the first file written into it. An existing output is listed on
    /// another thread meanwhile, to be updated in place, from the record at `record` (kept up
    /// to date by `commit`) when there is one.
    public func begin(record: URL? = nil) -> Result<StagingOutput, BuildFailure> {
        let problems = checkOutputFolder()
        guard problems.isEmpty else {
            return .failure(BuildFailure(stage: "write", diagnostics: problems))
        }
        try? FileManager.default.removeItem(at: stagingFolder)
        // In place only where a rename can move staged files in: an output folder (or a link
        // to one) on the same file system as the staging folder beside it.
        var output = stat()
        var parent = stat()
        let inPlace =
            stat(paths.output.path, &output) == 0 && (output.st_mode & S_IFMT) == S_IFDIR
            && stat(stagingFolder.deletingLastPathComponent().path, &parent) == 0
            && output.st_dev == parent.st_dev
        let staging = StagingOutput(
            folder: stagingFolder, previous: paths.output, updatesInPlace: inPlace,
            record: record)
        return .success(staging)
    }

    /// Marks the staging folder as sitegen's and swaps it in for the output, or moves its files
    /// into the output when it updates it in place.
    public func commit(_ staging: StagingOutput) -> [Diagnostic] {
        do {
            try staging.accept(OutputFile(path: Self.markerName, contents: .data(Data())))
        } catch {
            staging.discard()
            return [
                .error(
                    SourceLocation(path: paths.output.path),
                    "cannot write output: \(error.localizedDescription)")
            ]
        }
        guard staging.updatesInPlace else {
            // A new output: recorded once it is in place, beside the rest of the build
            // (`finishRemovals` waits for it), so the next build need not walk it.
            if let record = staging.record { OutputRecord.remove(at: record) }
            let problems = swap(staging: staging.folder, old: oldFolder)
            if let record = staging.record, problems.isEmpty {
                let (made, root) = (staging.stamps.keys, paths.output.path)
                DispatchQueue.global().async(group: Self.removals) {
                    OutputRecord.recordNew(record, made: made, root: root)
                }
            }
            return problems
        }
        return update(with: staging)
    }

    /// Where a replaced output, or the folders an update emptied, wait to be deleted.
    private var oldFolder: URL {
        paths.output.deletingLastPathComponent().appendingPathComponent(
            ".\(paths.output.lastPathComponent).sitegen-old")
    }

    /// Moves the staged files into the output and deletes what the build no longer makes. A
    /// failure part way leaves a mix that the next build repairs, since it checks every file
    /// it keeps against the bytes or stamp it expects.
    private func update(with staging: StagingOutput) -> [Diagnostic] {
        Self.finishRemovals()
        try? FileManager.default.removeItem(at: oldFolder)
        let existing = staging.existing()
        let update = InPlaceUpdate(
            output: paths.output.path, staging: staging.folder.path, aside: oldFolder)
        let made = staging.stamps
        do {
            let applied = try update.apply(existing: existing, made: made, staged: staging.staged)
            if applied.movedAside { Self.removeInBackground(oldFolder) }
            staging.discard()
            if let record = staging.record {
                // Written beside the rest of the build; `finishRemovals` waits for it.
                DispatchQueue.global().async(group: Self.removals) {
                    OutputRecord.update(
                        record, made: made, tree: existing, applied: applied,
                        staged: staging.staged)
                }
            }
            return []
        } catch {
            if let record = staging.record { OutputRecord.remove(at: record) }
            staging.discard()
            return [
                .error(
                    SourceLocation(path: paths.output.path),
                    "cannot update output: \(error.localizedDescription)")
            ]
        }
    }

    private var stagingFolder: URL {
        paths.output.deletingLastPathComponent().appendingPathComponent(
            ".\(paths.output.lastPathComponent).sitegen-staging")
    }

    /// Removals of replaced outputs still running.
    private static let removals = DispatchGroup()

    /// Deletes a replaced output on another thread, so the build can go on (saving its cache);
    /// `finishRemovals` waits for it. A removal cut short is redone by the next build.
    private static func removeInBackground(_ folder: URL) {
        DispatchQueue.global().async(group: removals) {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Waits until every replaced output is deleted.
    public static func finishRemovals() {
        removals.wait()
    }

    private func swap(staging: URL, old: URL) -> [Diagnostic] {
        let manager = FileManager.default
        Self.finishRemovals()
        try? manager.removeItem(at: old)
        do {
            if manager.fileExists(atPath: paths.output.path) {
                try manager.moveItem(at: paths.output, to: old)
            }
            try manager.moveItem(at: staging, to: paths.output)
            Self.removeInBackground(old)
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
