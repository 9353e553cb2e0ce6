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

    /// What an update did.
    struct Applied {
        /// Whether anything was moved aside.
        var movedAside: Bool
        /// The folders whose entries it changed ("" for the output itself).
        var touched: Set<String>
        /// The folders it removed.
        var removed: Set<String>
        /// The files it deleted one by one (not those in removed folders).
        var deleted: [String]
    }

    /// Updates the output, which held `existing` before the build; `made` is every file the
    /// build made and `staged` those of them in staging.
    ///
    /// New files move in before anything is deleted, except what stands in their way (a file
    /// where a folder must now be, or the reverse); the marker comes first, and the files that
    /// name others (pages, the search manifest, `topics.json`) after the files they name.
    func apply(existing: FolderTree, made: [String: FileStamp], staged: [String]) throws
        -> Applied
    {
        // Folders are slices of the made paths: no string is made for each.
        var needed = Set<Substring>(minimumCapacity: made.count)
        for path in made.keys {
            var folder = Self.parent(of: path[...])
            while !folder.isEmpty, needed.insert(folder).inserted {
                folder = Self.parent(of: folder)
            }
        }
        let obsolete = Set(existing.folders.filter { !needed.contains($0[...]) })
        let topmost = obsolete.filter { !obsolete.contains(PageCollector.parent(of: $0)) }.sorted()
        let stagedSet = Set(staged)
        let files = existing.files.filter {
            made[$0] == nil && !obsolete.contains(PageCollector.parent(of: $0))
        }
        var aside = AsideFolder(url: self.aside)
        var touched = Set<String>()
        for path in topmost + files + staged { touched.insert(PageCollector.parent(of: path)) }
        // What stands in the way of a new file or folder goes first.
        for folder in topmost where stagedSet.contains(folder) {
            try aside.take(output + "/" + folder)
        }
        for file in files where needed.contains(file[...]) { try remove(file) }
        // The folders that stay: those still needed that the output had.
        var folders =
            obsolete.isEmpty ? Set(existing.folders) : Set(existing.folders).subtracting(obsolete)
        for path in staged.sorted(by: { (Self.rank($0), $0) < (Self.rank($1), $1) }) {
            try makeFolders(of: path, known: &folders, touched: &touched)
            try move(staging + "/" + path, to: output + "/" + path)
        }
        for folder in topmost where !stagedSet.contains(folder) {
            try aside.take(output + "/" + folder)
        }
        for file in files where !needed.contains(file[...]) { try remove(file) }
        return Applied(
            movedAside: aside.count > 0, touched: touched, removed: obsolete, deleted: files)
    }

    /// The folder of `path` (a slice of it), or an empty slice at the top.
    static func parent(of path: Substring) -> Substring {
        let offset = path.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1
        }
        guard let offset else {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
                return path.prefix(0)
            }
            return path[..<slash]
        }
        guard offset >= 0 else { return path.prefix(0) }
        return path[..<path.utf8.index(path.utf8.startIndex, offsetBy: offset)]
    }

    /// Order in which staged files move in: the marker, files no other file names, pages, then
    /// the indexes that name other files.
    static func rank(_ path: String) -> Int {
        if path == OutputWriter.markerName { return 0 }
        if path == "search/manifest.json" || path == "topics.json" { return 3 }
        return path.hasSuffix(".html") ? 2 : 1
    }

    private func remove(_ file: String) throws {
        let path = output + "/" + file
        guard unlink(path) == 0 || errno == ENOENT else { throw CocoaError.error(path, errno) }
    }

    /// The folder emptied folders are moved into, made with the first.
    private struct AsideFolder {
        let url: URL
        var count = 0

        mutating func take(_ folder: String) throws {
            if count == 0 {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
            let target = url.path + "/\(count)"
            guard rename(folder, target) == 0 else { throw CocoaError.error(target, errno) }
            count += 1
        }
    }

    private func move(_ source: String, to target: String) throws {
        guard rename(source, target) == 0 else { throw CocoaError.error(target, errno) }
    }

    /// Creates the output folders of `path` that do not exist yet, noting the folders they
    /// are made in as `touched`.
    private func makeFolders(
        of path: String, known: inout Set<String>, touched: inout Set<String>
    ) throws {
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
            touched.insert(PageCollector.parent(of: folder))
        }
    }
}
