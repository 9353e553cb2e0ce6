import Foundation

/// Interns terms given as UTF-8 bytes into dense ids: an open-addressing hash table over a byte
/// arena, so the tokenizer's hot loop makes no `String` and runs no `Hasher` per occurrence.
/// Terms are equal when their bytes are, as in JavaScript.
struct TermTable {
    /// The terms' bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each term starts in `arena`, plus the end.
    private var starts: [Int] = [0]
    /// Each term's hash.
    private var hashes: [UInt64] = []
    /// Hash slots: a term id, or -1.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    /// Number of terms.
    var count: Int { hashes.count }

    /// The id of `term`, adding it when new.
    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if let bytes = term.baseAddress {
            var index = 0
            while index < term.count {
                hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
                index += 1
            }
        }
        hash ^= hash >> 29
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && matches(id, term) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(hash)
        arena.append(contentsOf: term)
        starts.append(arena.count)
        slots[slot] = Int32(id)
        if hashes.count * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// Every term's bytes one after another, and where each starts, plus the end.
    var exported: (bytes: [UInt8], starts: [Int32]) {
        (arena, starts.map { Int32($0) })
    }

    /// The term with id `id`.
    func term(_ id: Int) -> SearchTerm {
        let bytes = arena[starts[id]..<starts[id + 1]]
        return SearchTerm(
            text: String(decoding: bytes, as: UTF8.self), isASCII: bytes.allSatisfy { $0 < 0x80 })
    }

    private func matches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == term.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            guard let left = stored.baseAddress, let right = term.baseAddress else { return true }
            return memcmp(left + start, right, term.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
