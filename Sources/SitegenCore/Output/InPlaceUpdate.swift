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
        let plan = Plan(existing: existing, made: made.keys)
        let obsolete = plan.obsolete
        let topmost = obsolete.filter { !obsolete.contains(PageCollector.parent(of: $0)) }.sorted()
        let stagedSet = Set(staged)
        let files = existing.files.filter {
            made[$0] == nil
                && (obsolete.isEmpty || !obsolete.contains(PageCollector.parent(of: $0)))
        }
        var aside = AsideFolder(url: self.aside)
        var touched = Set<String>()
        for path in topmost + files + staged { touched.insert(PageCollector.parent(of: path)) }
        // What stands in the way of a new file or folder goes first.
        for folder in topmost where stagedSet.contains(folder) {
            try aside.take(output + "/" + folder)
        }
        for file in files where plan.newFolders.contains(file) { try remove(file) }
        // Folders made for staged files.
        var created = Set<String>()
        for path in staged.sorted(by: { (Self.rank($0), $0) < (Self.rank($1), $1) }) {
            try makeFolders(of: path, plan: plan, created: &created, touched: &touched)
            try move(staging + "/" + path, to: output + "/" + path)
        }
        for folder in topmost where !stagedSet.contains(folder) {
            try aside.take(output + "/" + folder)
        }
        for file in files where !plan.newFolders.contains(file) { try remove(file) }
        return Applied(
            movedAside: aside.count > 0, touched: touched, removed: obsolete, deleted: files)
    }

    /// Which of the output's folders the made files still need, found through the folders'
    /// bytes: no `String` or `Hasher` per made file.
    struct Plan {
        /// The output's folders, by id.
        private var folders = ByteInterner()
        /// Whether a made file lies in each of them.
        private var needed: [Bool]
        /// Folders the made files need that the output does not have.
        private(set) var newFolders = Set<String>()
        /// The output's folders that no made file needs.
        let obsolete: Set<String>

        init(existing: FolderTree, made: some Collection<String>) {
            var folders = ByteInterner(slots: Self.slots(for: existing.folders.count))
            let ids = existing.folders.map { folder in
                var folder = folder
                return folder.withUTF8 { folders.id(of: $0) }
            }
            var needed = [Bool](repeating: false, count: folders.count)
            var newFolders = Set<String>()
            for path in made {
                var path = path
                path.withUTF8 { bytes in
                    var end = Self.lastSlash(in: bytes, before: bytes.count)
                    // Each folder is marked with all above it, so a marked one ends the walk.
                    while end > 0 {
                        let folder = UnsafeBufferPointer(rebasing: bytes[..<end])
                        if let id = folders.existingID(of: folder) {
                            if needed[Int(id)] { break }
                            needed[Int(id)] = true
                        } else if !newFolders.insert(String(decoding: folder, as: UTF8.self))
                            .inserted
                        {
                            break
                        }
                        end = Self.lastSlash(in: bytes, before: end)
                    }
                }
            }
            var obsolete = Set<String>()
            for (folder, id) in zip(existing.folders, ids) where !needed[Int(id)] {
                obsolete.insert(folder)
            }
            (self.folders, self.needed, self.newFolders, self.obsolete) = (
                folders, needed, newFolders, obsolete
            )
        }

        /// Whether the output has `folder` and keeps it.
        func keeps(_ folder: String) -> Bool {
            var folder = folder
            guard let id = folder.withUTF8({ folders.existingID(of: $0) }) else { return false }
            return needed[Int(id)]
        }

        /// The position of the last `/` in `bytes` before `end`, or 0 when there is none.
        private static func lastSlash(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int
        {
            var index = end - 1
            while index > 0, bytes[index] != UInt8(ascii: "/") { index -= 1 }
            return max(index, 0)
        }

        private static func slots(for count: Int) -> Int {
            var slots = 1024
            while slots < count * 2 + 2 { slots *= 2 }
            return slots
        }
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

    /// Creates the output folders of `path` that do not exist yet (the output's kept folders
    /// and those `created` already do), noting the folders they are made in as `touched`.
    private func makeFolders(
        of path: String, plan: Plan, created: inout Set<String>, touched: inout Set<String>
    ) throws {
        var missing: [String] = []
        var folder = PageCollector.parent(of: path)
        while !folder.isEmpty, !created.contains(folder), !plan.keeps(folder) {
            missing.append(folder)
            folder = PageCollector.parent(of: folder)
        }
        for folder in missing.reversed() {
            let full = output + "/" + folder
            guard mkdir(full, 0o755) == 0 || errno == EEXIST else {
                throw CocoaError.error(full, errno)
            }
            created.insert(folder)
            touched.insert(PageCollector.parent(of: folder))
        }
    }
}
