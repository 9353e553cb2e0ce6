import Foundation

/// Interns byte strings (UTF-8 terms, links) into dense ids: an open-addressing hash table over
/// one byte arena, so a hot loop makes no `String` and runs no `Hasher` per lookup. Keys are
/// equal when their bytes are.
struct ByteInterner: Sendable {
    /// The keys' bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each key starts in `arena`, plus the end.
    private var starts: [Int] = [0]
    /// Each key's hash.
    private var hashes: [UInt64] = []
    /// Hash slots: a key's id, or -1.
    private var slots: [Int32]

    /// An empty table with `slots` hash slots to start with (a power of two).
    init(slots: Int = 1024) {
        self.slots = Array(repeating: -1, count: slots)
    }

    /// Number of keys.
    var count: Int { hashes.count }

    /// The id of `key`, adding it when new.
    mutating func id(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(key)
        let (slot, found) = find(key, hash: hash)
        if let found { return found }
        let id = hashes.count
        hashes.append(hash)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        slots[slot] = Int32(id)
        if hashes.count * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// The id of `key` if it was added, without adding it.
    func existingID(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, hash: Self.hash(key)).found
    }

    /// The bytes of key `id`.
    func bytes(_ id: Int) -> ArraySlice<UInt8> { arena[starts[id]..<starts[id + 1]] }

    /// Every key's bytes one after another, and where each starts, plus the end.
    var exported: (bytes: [UInt8], starts: [Int32]) {
        (arena, starts.map { Int32($0) })
    }

    /// The slot holding `key`'s id, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (
        slot: Int, found: Int32?
    ) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && matches(id, key) { return (slot, Int32(id)) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// A multiplicative hash over the bytes eight at a time (the last few zero-padded), its
    /// high bits folded into the low ones the slots use. Not stored: ids follow insertion order.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: key.count)
        guard let base = key.baseAddress.map(UnsafeRawPointer.init) else { return hash }
        var offset = 0
        while offset + 8 <= key.count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ UInt64(littleEndian: word)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        if offset < key.count {
            // The last bytes, shifted into place one by one: most terms are this short, and a
            // copy into a padded word was a call per key.
            var word: UInt64 = 0
            var shift: UInt64 = 0
            for position in offset..<key.count {
                word |= UInt64(base.load(fromByteOffset: position, as: UInt8.self)) << shift
                shift += 8
            }
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        return hash ^ (hash >> 32)
    }

    private func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            guard let left = stored.baseAddress, let right = key.baseAddress else { return true }
            return memcmp(left + start, right, key.count) == 0
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
