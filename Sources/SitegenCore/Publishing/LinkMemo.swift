import Foundation

/// Verdicts of root-relative links already checked, keyed by the link's bytes: a link seen on
/// an earlier page costs a hash and a byte comparison instead of a new string.
///
/// Only links without `&` are recorded, so a recorded link's raw and decoded forms are the same
/// bytes and a lookup by a page's raw attribute value is exact.
public struct LinkMemo: Sendable {
    private var entries: [UInt64: [(link: [UInt8], verdict: String?)]] = [:]

    /// An empty memo.
    public init() {}

    /// The recorded verdict of `link` (nil inside when the link is fine), or nil if unknown.
    func verdict(for link: UnsafeBufferPointer<UInt8>) -> String?? {
        guard let bucket = entries[Self.hash(link)] else { return nil }
        for entry in bucket where Self.same(entry.link, link) { return .some(entry.verdict) }
        return nil
    }

    /// The recorded verdict of a decoded link.
    func verdict(for link: String) -> String?? {
        var link = link
        return link.withUTF8 { verdict(for: $0) }
    }

    /// Records the verdict of a decoded link, unless it holds `&`.
    mutating func record(_ link: String, verdict: String?) {
        guard !link.utf8.contains(UInt8(ascii: "&")) else { return }
        let bytes = Array(link.utf8)
        let key = bytes.withUnsafeBufferPointer(Self.hash)
        entries[key, default: []].append((bytes, verdict))
    }

    private static func same(_ stored: [UInt8], _ link: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == link.count else { return false }
        guard let base = link.baseAddress else { return true }
        return stored.withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memcmp(start, base, link.count) == 0
        }
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
