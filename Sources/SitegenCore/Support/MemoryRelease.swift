import Foundation

/// Hands memory freed between stages back to the system, so the next stage's large buffers
/// (such as the search index) do not stack on top of pages already dropped.
enum MemoryRelease {
    private typealias Trim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, looked up at run time (it is not in Swift's Glibc module).
    nonisolated(unsafe) private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else {
            return nil
        }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    /// Returns freed heap memory to the system where the C library allows it.
    static func returnFreedMemory() {
        _ = trim?(0)
    }
}
