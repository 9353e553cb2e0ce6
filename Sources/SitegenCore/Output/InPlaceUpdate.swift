import Foundation

/// Moves a build's new and changed files from staging into the output and deletes the files
/// and folders the build no longer makes; the files it made unchanged are not touched.
///
/// A folder that loses all its files (a removed section, an earlier build's split search
/// index) is moved aside with one rename, for `OutputWriter` to delete in the background.
struct InPlaceUpdate {
    /// The output folder, the staging folder and where emptied folders are moved to.
    let output: String
    let staging: String
    let aside: URL

    /// Updates the output, which held `existing` before the build; `made` is every file the
    /// build made and `staged` those of them in staging. Returns whether anything was moved
    /// aside.
    func apply(existing: FolderTree, made: Set<String>, staged: [String]) throws -> Bool {
        var needed = Set<String>()
        for path in made {
            var folder = PageCollector.parent(of: path)
            while !folder.isEmpty, needed.insert(folder).inserted {
                folder = PageCollector.parent(of: folder)
            }
        }
        // Obsolete folders go first, then obsolete files, so a path that changes from file to
        // folder (or back) is free before the new file moves in.
        let obsolete = Set(existing.folders.filter { !needed.contains($0) })
        let topmost = obsolete.filter { !obsolete.contains(PageCollector.parent(of: $0)) }.sorted()
        if !topmost.isEmpty {
            try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
            for (number, folder) in topmost.enumerated() {
                try move(output + "/" + folder, to: aside.path + "/\(number)")
            }
        }
        for file in existing.files
        where !made.contains(file) && !obsolete.contains(PageCollector.parent(of: file)) {
            let path = output + "/" + file
            guard unlink(path) == 0 || errno == ENOENT else { throw CocoaError.error(path, errno) }
        }
        var folders = Set(existing.folders).subtracting(obsolete)
        for path in staged {
            try makeFolders(of: path, known: &folders)
            try move(staging + "/" + path, to: output + "/" + path)
        }
        return !topmost.isEmpty
    }

    private func move(_ source: String, to target: String) throws {
        guard rename(source, target) == 0 else { throw CocoaError.error(target, errno) }
    }

    /// Creates the output folders of `path` that do not exist yet.
    private func makeFolders(of path: String, known: inout Set<String>) throws {
        var missing: [String] = []
        var folder = PageCollector.parent(of: path)
        while !folder.isEmpty, !known.contains(folder) {
            missing.append(folder)
            folder = PageCollector.parent(of: folder)
        }
        for folder in missing.reversed() {
            let full = output + "/" + folder
            guard mkdir(full, 0o755) == 0 || errno == EEXIST else {
                throw CocoaError.error(full, errno)
            }
            known.insert(folder)
        }
    }
}
