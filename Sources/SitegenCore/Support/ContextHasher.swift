import Foundation

/// A stable hash of strings, numbers, booleans and bytes, for cache keys: the same values give
/// the same hash in every run (unlike `Hasher`, which is seeded per process).
struct ContextHasher {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash so far.
    var value: UInt64 { hash }

    /// Mixes in a string.
    mutating func combine(_ text: String) {
        add(0x01)
        // In place where the string keeps its bytes together (no copy to retain).
        text.withUTF8Bytes { addWords(UnsafeRawBufferPointer($0)) }
        add(0xFF)
    }

    /// Mixes in UTF-8 bytes exactly as `combine(_:)` mixes in the string they spell.
    mutating func combine(utf8: UnsafeBufferPointer<UInt8>) {
        add(0x01)
        addWords(UnsafeRawBufferPointer(utf8))
        add(0xFF)
    }

    /// Mixes in a boolean.
    mutating func combine(_ flag: Bool) { add(flag ? 0x03 : 0x02) }

    /// Mixes in an integer.
    mutating func combine(_ number: Int) {
        add(0x04)
        hash = (hash ^ UInt64(bitPattern: Int64(number))) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
    }

    /// Mixes in raw bytes.
    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// Mixes in any buffer's bytes eight at a time, then its length.
    mutating func combine(raw buffer: UnsafeRawBufferPointer) {
        addWords(buffer)
    }

    /// Mixes in a byte array eight bytes at a time, then its length.
    mutating func combine(buffer: [UInt8]) {
        buffer.withUnsafeBytes { addWords($0) }
    }

    /// Mixes in a buffer eight bytes at a time (the last few as one word), then its length.
    private mutating func addWords(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= buffer.count {
            mix(buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < buffer.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < buffer.count {
                tail |= UInt64(buffer[offset]) << shift
                shift += 8
                offset += 1
            }
            mix(tail)
        }
        mix(UInt64(buffer.count))
    }

    private mutating func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
    }

    private mutating func add(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
}
