import Foundation

/// What a content file's metadata says about its bytes: while its size, inode and both change
/// times equal a cached stamp, the file is taken to be unchanged and is not read again.
public struct SourceStamp: Sendable, Equatable {
    /// Size in bytes.
    public var size: Int
    /// The file's inode number (an editor that saves by renaming gives a new one).
    public var inode: UInt64
    /// Modification and status-change times, nanoseconds since 1970 (the second cannot be set
    /// by hand, so any write moves it).
    public var modified: Int
    public var changed: Int

    /// The stamp of the regular file at `path`, or nil.
    public static func of(_ path: String) -> SourceStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return of(info)
    }

    /// The stamp of the regular file at `relative` under `folder`, or nil.
    static func of(_ relative: String, in folder: DirectoryHandle) -> SourceStamp? {
        folder.status(relative, followingLinks: true).flatMap(of)
    }

    private static func of(_ info: stat) -> SourceStamp? {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return SourceStamp(info)
    }

    /// The same stamp of a folder, whose times move whenever an entry is added, removed or
    /// renamed; nil when `info` is not a folder's.
    static func ofFolder(_ info: stat) -> SourceStamp? {
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return SourceStamp(info)
    }

    /// Whether the file changed at, after or shortly before `time` (nanoseconds since 1970):
    /// file times come from a coarse clock, so a stamp taken then could hide a second write
    /// within the same tick. Such a file is read again. "Shortly" is a quarter of a second on
    /// a file system that keeps fractions of a second (its clock ticks every few
    /// milliseconds), and two seconds on one that keeps whole seconds or two (FAT): times
    /// that are both whole seconds are taken to come from such a file system.
    func isRecent(since time: Int) -> Bool {
        let second = 1_000_000_000
        let coarse = modified % second == 0 && changed % second == 0
        let limit = time - (coarse ? 2 * second : second / 4)
        return modified >= limit || changed >= limit
    }

    /// The current time in nanoseconds since 1970, as file times count it.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}

/// A Markdown file as an earlier build parsed it, reused while the file's stamp is unchanged:
/// its front matter, where its body starts, a hash of the body and the parse's diagnostics.
struct CachedSource: Sendable, Equatable {
    var stamp: SourceStamp
    var frontMatter: FrontMatter
    var bodyLineOffset: Int
    var bodyHash: UInt64
    var problems: [Diagnostic]
}

extension SourceStamp {
    /// The stamp that `info` describes.
    fileprivate init(_ info: stat) {
        self.init(
            size: Int(info.st_size), inode: UInt64(info.st_ino),
            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
            changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec))
    }
}
