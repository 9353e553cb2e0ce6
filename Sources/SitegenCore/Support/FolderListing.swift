import Foundation

/// Lists folders with `readdir`, which is far cheaper than `FileManager` for large trees.
enum FolderListing {
    /// The names in a folder and whether each is a folder; symbolic links are followed when
    /// `followingLinks`, and otherwise listed as files.
    static func entries(of path: String, followingLinks: Bool = true) -> [(String, Bool)] {
        guard let stream = opendir(path) else { return [] }
        defer { closedir(stream) }
        return entries(of: stream, followingLinks: followingLinks)
    }

    /// The names in an open folder and whether each is a folder.
    private static func entries(of stream: OpaquePointer, followingLinks: Bool) -> [(String, Bool)]
    {
        var entries: [(String, Bool)] = []
        // A dirent is only as long as its name: read the fields through their offsets, never
        // by copying the whole struct, which would read past the end of the record.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) ?? 18
        while let entry = readdir(stream) {
            let raw = UnsafeRawPointer(entry)
            let name = String(
                cString: raw.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            var kind = raw.load(fromByteOffset: typeOffset, as: UInt8.self)
            if kind == UInt8(DT_UNKNOWN) || (followingLinks && kind == UInt8(DT_LNK)) {
                var info = stat()
                let flags = followingLinks ? 0 : AT_SYMLINK_NOFOLLOW
                guard fstatat(dirfd(stream), name, &info, flags) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            entries.append((name, kind == UInt8(DT_DIR)))
        }
        return entries
    }

    /// Every file and folder under `root`, as paths relative to it (symbolic links as files).
    /// Each folder is opened from its parent's descriptor, so no path is walked from the root.
    static func tree(_ root: String) -> FolderTree {
        var tree = FolderTree(files: [], folders: [])
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 { walk(descriptor, prefix: "", into: &tree) }
        return tree
    }

    /// Lists the open folder `descriptor` (which it closes), whose path is `prefix` less its
    /// final slash, and the folders under it, except those `skipping` says to (they are listed
    /// as folders, not walked); notes each walked folder's stamp.
    static func walk(
        _ descriptor: Int32, prefix: String, into tree: inout FolderTree,
        skipping: (String) -> Bool = { _ in false }
    ) {
        tree.foldersRead += 1
        let path = prefix.isEmpty ? "" : String(prefix.dropLast())
        var info = stat()
        var stamp: SourceStamp?
        if fstat(descriptor, &info) == 0, let found = SourceStamp.ofFolder(info) {
            tree.stamps.append((path, found))
            stamp = found
        }
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(stream) }
        var own: [String] = []
        defer { tree.read.append((path, stamp, own)) }
        for (name, isFolder) in entries(of: stream, followingLinks: false) {
            guard isFolder else {
                own.append(prefix + name)
                tree.files.append(prefix + name)
                continue
            }
            let path = prefix + name
            tree.folders.append(path)
            if skipping(path) { continue }
            let child = openat(dirfd(stream), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if child >= 0 { walk(child, prefix: path + "/", into: &tree, skipping: skipping) }
        }
    }
}

/// The files and folders under a folder, as paths relative to it, with the stamps of the
/// folders that were listed and when the listing began.
struct FolderTree: Sendable {
    var files: [String]
    var folders: [String]
    /// Stamps of listed folders, with their paths (the folder itself is "").
    var stamps: [(String, SourceStamp)] = []
    /// When the listing began, nanoseconds since 1970.
    var listedAt = SourceStamp.now()
    /// How many folders were read (the others were taken from a record).
    var foldersRead = 0
    /// Each folder that was read: its path, its stamp as read, and the files in it.
    var read: [(path: String, stamp: SourceStamp?, files: [String])] = []
    /// How many builds' changes the record the listing came from had in its journal; nil
    /// when it came from no record.
    var journalLength: Int?
}
