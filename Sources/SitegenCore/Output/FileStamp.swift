import Foundation

/// The size and modification time of a written file, to recognise it in a later build.
public struct FileStamp: Sendable, Equatable {
    /// Size in bytes.
    public var size: Int
    /// Modification time, nanoseconds since 1970.
    public var modified: Int

    /// Creates a stamp.
    public init(size: Int, modified: Int) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of the file at `path`, or nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return of(info)
    }

    /// The stamp of the file at `relative` under `folder` (not following a final symbolic
    /// link, as `of(_:)`), or nil when there is none.
    static func of(_ relative: String, in folder: DirectoryHandle) -> FileStamp? {
        folder.status(relative, followingLinks: false).flatMap(of)
    }

    /// The stamp of an open file, without looking its path up again.
    static func of(descriptor: Int32) -> FileStamp? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return of(info)
    }

    private static func of(_ info: stat) -> FileStamp? {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(
            size: Int(info.st_size),
            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }
}
