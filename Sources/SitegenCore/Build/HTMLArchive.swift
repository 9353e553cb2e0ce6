import Foundation

/// The file of the build cache that holds rendered page bodies (`.sitegen-cache/html-N.cache`),
/// read one page at a time, only for pages that are templated again.
public final class HTMLArchive: @unchecked Sendable {
    /// The file's name inside the cache folder.
    public let name: String
    private let descriptor: Int32

    /// Opens an archive for reading; nil when it cannot be opened.
    init?(folder: URL, name: String) {
        let descriptor = open(folder.appendingPathComponent(name).path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.name = name
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The file's size in bytes, or nil when it cannot be read.
    var size: Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The bytes at `offset` as text; nil when the file is shorter than expected.
    func read(offset: Int, count: Int) -> String? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return pread(descriptor, base + done, count - done, off_t(offset + done))
            }
            guard got > 0 else { return nil }
            done += got
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
