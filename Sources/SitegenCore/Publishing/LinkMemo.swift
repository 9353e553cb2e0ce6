import Foundation

/// Verdicts of root-relative links already checked, keyed by the link's bytes: a link seen on
/// an earlier page costs a hash and a byte comparison instead of a new string. An
/// open-addressing table over one byte arena, so a lookup allocates nothing and retains nothing.
///
/// Only links without `&` are recorded, so a recorded link's raw and decoded forms are the same
/// bytes and a lookup by a page's raw attribute value is exact.
public struct LinkMemo: Sendable {
    /// The links' bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each link starts in `arena`, plus the end.
    private var starts: [Int] = [0]
    /// Each link's hash.
    private var hashes: [UInt64] = []
    /// Each link's verdict (nil when the link is fine).
    private var verdicts: [String?] = []
    /// Hash slots: a link's number, or -1.
    private var slots: [Int32] = Array(repeating: -1, count: 256)

    /// An empty memo.
    public init() {}

    /// The recorded verdict of `link` (nil inside when the link is fine), or nil if unknown.
    func verdict(for link: UnsafeBufferPointer<UInt8>) -> String?? {
        let hash = Self.hash(link)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if hashes[number] == hash && matches(number, link) { return .some(verdicts[number]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The recorded verdict of a decoded link.
    func verdict(for link: String) -> String?? {
        var link = link
        return link.withUTF8 { verdict(for: $0) }
    }

    /// Records the verdict of a decoded link, unless it holds `&` or is known already.
    mutating func record(_ link: String, verdict: String?) {
        guard !link.utf8.contains(UInt8(ascii: "&")), self.verdict(for: link) == nil else { return }
        var link = link
        link.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(hashes.count)
            hashes.append(hash)
            verdicts.append(verdict)
            arena.append(contentsOf: bytes)
            starts.append(arena.count)
        }
        if hashes.count * 2 > slots.count { grow() }
    }

    private func matches(_ number: Int, _ link: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == link.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            guard let left = stored.baseAddress, let right = link.baseAddress else { return true }
            return memcmp(left + start, right, link.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
