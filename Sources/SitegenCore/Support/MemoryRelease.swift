import Foundation
import Synchronization

/// Keeps the C heap from holding on to memory the build no longer uses: freed memory goes back
/// to the system between stages, so the next stage's large buffers (such as the search index)
/// do not stack on top of pages already dropped.
enum MemoryRelease {
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    /// glibc's `malloc_trim`, looked up at run time (it is not in Swift's Glibc module).
    private static let trim: Trim? = symbol("malloc_trim")
    /// glibc's `mallopt`.
    private static let option: Option? = symbol("mallopt")

    private static func symbol<T>(_ name: String) -> T? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            return nil
        }
        return unsafeBitCast(address, to: T.self)
    }

    /// Sets a 1 MB trim threshold (`M_TRIM_THRESHOLD`), which also stops glibc from raising its
    /// mmap threshold as large blocks are freed: big buffers then go straight back to the
    /// system. An explicit `MALLOC_TRIM_THRESHOLD_` in the environment wins.
    static func configure() {
        guard ProcessInfo.processInfo.environment["MALLOC_TRIM_THRESHOLD_"] == nil else { return }
        _ = option?(-1, 1 << 20)
    }

    /// For a rebuild from a cache, which needs less memory than a full build: freed memory is
    /// kept for the next stage (a 256 MB trim threshold), the heap grows 64 MB at a time and
    /// blocks under 32 MB come from it, so the build stops paying the kernel to map, fault in
    /// and zero pages it just gave back. An explicit `MALLOC_TRIM_THRESHOLD_` wins here too.
    static func keepFreedMemory() {
        guard ProcessInfo.processInfo.environment["MALLOC_TRIM_THRESHOLD_"] == nil else { return }
        _ = option?(-1, 256 << 20)  // M_TRIM_THRESHOLD
        _ = option?(-2, 64 << 20)  // M_TOP_PAD
        _ = option?(-3, 32 << 20)  // M_MMAP_THRESHOLD
    }

    /// Returns freed heap memory to the system where the C library allows it.
    static func returnFreedMemory() {
        _ = trim?(0)
    }

    /// Frees `value` on a thread of its own, so taking apart a large structure (the build
    /// cache: millions of strings) does not hold up the caller; a process that exits first
    /// skips the work.
    static func releaseInBackground<T: Sendable>(_ value: consuming T) {
        let box = ReleaseBox(value)
        if keepsValues.withLock({ $0 }) {
            kept.withLock { $0.append(box) }
            return
        }
        let thread = Thread { box.value = nil }
        thread.start()
    }

    /// For a process that exits as soon as its build is done (the command line's `build`):
    /// values handed to `releaseInBackground` from now on are kept, never taken apart, as
    /// clang's `-disable-free` keeps its compiler's memory. Freeing millions of small blocks
    /// beside the build's own threads cost a rebuild CPU and the heap's locks; exiting gives
    /// every page back at once.
    static func keepValuesUntilExit(_ keeps: Bool = true) {
        keepsValues.withLock { $0 = keeps }
    }

    private static let keepsValues = Mutex(false)
    private static let kept = Mutex<[any Sendable]>([])

    /// Holds a value until a background thread lets go of it.
    private final class ReleaseBox<T: Sendable>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = value }
    }
}
