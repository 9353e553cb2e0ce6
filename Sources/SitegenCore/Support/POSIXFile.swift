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
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 4096)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: count)) }
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.read(descriptor, base + count, buffer.count - count)
            }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
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
