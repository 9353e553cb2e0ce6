import Foundation

/// Orders strings by their UTF-8 bytes: as deterministic as `String`'s order, and cheaper for
/// the thousands of paths a cache save sorts (no Unicode comparison; one `memcmp`).
enum ByteOrder {
    /// Whether `left`'s UTF-8 bytes sort before `right`'s.
    static func precedes(_ left: String, _ right: String) -> Bool {
        let compared = left.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes in
                compare(leftBytes, rightBytes)
            }
        }
        guard let compared, let compared else {
            return left.utf8.lexicographicallyPrecedes(right.utf8)
        }
        return compared
    }

    private static func compare(
        _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        let common = min(left.count, right.count)
        if common > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
            let compared = memcmp(leftBase, rightBase, common)
            if compared != 0 { return compared < 0 }
        }
        return left.count < right.count
    }
}
