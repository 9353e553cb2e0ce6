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
