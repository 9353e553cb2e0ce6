import Foundation

/// Lists folders with `readdir`, which is far cheaper than `FileManager` for large trees.
enum FolderListing {
    /// The names in a folder and whether each is a folder; symbolic links are followed when
    /// `followingLinks`, and otherwise listed as files.
    static func entries(of path: String, followingLinks: Bool = true) -> [(String, Bool)] {
        guard let stream = opendir(path) else { return [] }
        defer { closedir(stream) }
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
                let found =
                    followingLinks
                    ? stat(path + "/" + name, &info) : lstat(path + "/" + name, &info)
                guard found == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            entries.append((name, kind == UInt8(DT_DIR)))
        }
        return entries
    }

    /// Every file and folder under `root`, as paths relative to it (symbolic links as files).
    static func tree(_ root: String) -> FolderTree {
        var files: [String] = []
        var folders: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            let full = folder.isEmpty ? root : root + "/" + folder
            for (name, isFolder) in entries(of: full, followingLinks: false) {
                let path = folder.isEmpty ? name : folder + "/" + name
                if isFolder {
                    folders.append(path)
                    pending.append(path)
                } else {
                    files.append(path)
                }
            }
        }
        return FolderTree(files: files, folders: folders)
    }
}

/// The files and folders under a folder, as paths relative to it.
struct FolderTree: Sendable {
    var files: [String]
    var folders: [String]
}
