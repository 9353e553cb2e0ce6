/// A hash of bytes that is the same in every process and on every machine (FNV-1a, 64 bits),
/// unlike Swift's per-process seeded `hashValue`.
public enum StableHash {
    /// The 64-bit FNV-1a hash of `bytes`.
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64
    where Bytes.Element == UInt8 {
        // Contiguous bytes (a native string's UTF-8 among them) are read through a buffer:
        // stepping a string's UTF-8 view byte by byte cost several times the hashing.
        if let hash = bytes.withContiguousStorageIfAvailable(fnv1a(buffer:)) { return hash }
        return Array(bytes).withUnsafeBufferPointer(fnv1a(buffer:))
    }

    /// The 64-bit FNV-1a hash of the bytes in `buffer`.
    static func fnv1a(buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The first `length` hex digits of the hash.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes, length: Int = 10) -> String
    where Bytes.Element == UInt8 {
        hex(of: fnv1a(bytes), length: length)
    }

    /// The first `length` hex digits of a 64-bit hash, zero-padded to 16.
    public static func hex(of value: UInt64, length: Int = 10) -> String {
        let digits = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - digits.count)) + digits
        return String(padded.prefix(length))
    }

    /// SplitMix64's finaliser: every bit of `value` moves every bit of the result, so the low
    /// bits of a sum or of a word-at-a-time hash can be taken as they are.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
