import Foundation

/// Where a build puts files as it makes them: a staging folder on disk or memory.
/// Implementations are safe to call from several threads at once.
public protocol OutputSink: Sendable {
    /// Stores one file.
    func accept(_ file: OutputFile) throws
    /// Stores a file the previous build made unchanged; false when it must be made again.
    func reuse(_ path: String, stamp: FileStamp) -> Bool
}

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
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(
            size: Int(info.st_size),
            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }
}

/// Keeps every file in memory, for `sitegen serve` and tests.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [OutputFile] = []

    /// Creates an empty store.
    public init() {}

    /// Stores one file.
    public func accept(_ file: OutputFile) throws {
        lock.withLock { stored.append(file) }
    }

    /// Memory never holds a previous build's files.
    public func reuse(_ path: String, stamp: FileStamp) -> Bool { false }

    /// Every file, sorted by path.
    public var files: [OutputFile] { lock.withLock { stored.sorted { $0.path < $1.path } } }
}
