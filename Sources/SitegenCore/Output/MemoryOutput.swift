import Foundation

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

    /// Memory never holds a previous build's files.
    public func keep(_ path: String, size: Int) -> Bool { false }

    /// Every file, sorted by path.
    public var files: [OutputFile] { lock.withLock { stored.sorted { $0.path < $1.path } } }
}
