import Foundation

/// Whole-file reads and complete writes with POSIX calls: fewer copies and system calls than
/// Foundation's file APIs on the hot paths (loading content, writing pages, the build cache).
enum POSIXFile {
    /// A whole file's bytes; nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // The buffer is not zero-filled first: `read` fills what is used, and the rest is cut.
        var capacity = max(Int(info.st_size), 0) + 4096
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = readAll(descriptor, into: UnsafeMutableRawBufferPointer(buffer), &failed)
        }
        // A file that grew while being read: take the rest in further rounds.
        while !failed, bytes.count == capacity {
            capacity *= 2
            let more = [UInt8](unsafeUninitializedCapacity: capacity - bytes.count) {
                buffer, initialized in
                initialized = readAll(
                    descriptor, into: UnsafeMutableRawBufferPointer(buffer), &failed)
            }
            if more.isEmpty { break }
            bytes += more
        }
        return failed ? nil : bytes
    }

    /// Reads into `buffer` until it is full or the file ends; returns the bytes read.
    private static func readAll(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, _ failed: inout Bool
    ) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count {
            let got = Glibc.read(descriptor, base + count, buffer.count - count)
            if got < 0 {
                failed = true
                return count
            }
            if got == 0 { break }
            count += got
        }
        return count
    }

    private typealias CopyRange =
        @convention(c) (
            Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32
        ) -> Int

    /// glibc's `copy_file_range`, looked up at run time (Swift's Glibc module leaves it out).
    private static let copyRange: CopyRange? = {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range")
        else { return nil }
        return unsafeBitCast(address, to: CopyRange.self)
    }()

    /// Appends the bytes at `range` of the file `source` to `target` at its current offset:
    /// in the kernel where it can, else through a small buffer. False when either fails.
    static func copy(from source: Int32, range: Range<Int>, to target: Int32) -> Bool {
        var from = Int64(range.lowerBound)
        var left = range.count
        while left > 0, let copyRange {
            let copied = copyRange(source, &from, target, nil, left, 0)
            if copied <= 0 { break }
            left -= copied
        }
        var buffer = [UInt8](repeating: 0, count: min(left, 1 << 20))
        while left > 0 {
            let got = buffer.withUnsafeMutableBytes {
                pread(source, $0.baseAddress, min(left, $0.count), off_t(from))
            }
            guard got > 0,
                buffer.withUnsafeBytes({
                    writeAll(UnsafeRawBufferPointer(rebasing: $0[..<got]), to: target)
                })
            else { return false }
            from += Int64(got)
            left -= got
        }
        return true
    }

    /// Writes every byte of `raw` to `descriptor`; false when the system refuses.
    static func writeAll(_ raw: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = raw.baseAddress else { return true }
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(descriptor, base + offset, raw.count - offset)
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
