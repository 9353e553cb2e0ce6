/// Where the first Unicode scalars of UTF-8 bytes end, counting scalar starts (bytes that are
/// not continuation bytes) without decoding.
enum UTF8Prefix {
    /// The byte offset just past the first `count` scalars of `bytes` (all of them when there
    /// are fewer).
    static func end(of bytes: UnsafeBufferPointer<UInt8>, scalars count: Int) -> Int {
        var scalars = 0
        var end = 0
        while end < bytes.count {
            if bytes[end] & 0xC0 != 0x80 {
                if scalars == count { break }
                scalars += 1
            }
            end += 1
        }
        return end
    }
}
