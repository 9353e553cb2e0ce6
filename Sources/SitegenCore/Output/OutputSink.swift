import Foundation

/// Where a build puts files as it makes them: a staging folder on disk or memory.
/// Implementations are safe to call from several threads at once.
public protocol OutputSink: Sendable {
    /// Stores one file.
    func accept(_ file: OutputFile) throws
    /// Stores a file the previous build made unchanged; false when it must be made again.
    func reuse(_ path: String, stamp: FileStamp) -> Bool
    /// Stores a file named by its content that the previous build made with `size` bytes,
    /// which the name vouches for; false when it must be made again.
    func keep(_ path: String, size: Int) -> Bool
}
