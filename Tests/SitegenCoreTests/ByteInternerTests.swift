import Testing

@testable import SitegenCore

/// Ids are dense, in insertion order, and survive the table growing; unknown keys stay unknown.
@Suite struct ByteInternerTests {
    static func id(_ table: inout ByteInterner, _ key: String) -> Int32 {
        Array(key.utf8).withUnsafeBufferPointer { table.id(of: $0) }
    }

    static func existing(_ table: ByteInterner, _ key: String) -> Int32? {
        Array(key.utf8).withUnsafeBufferPointer { table.existingID(of: $0) }
    }

    @Test func keysGetDenseIdsThatSurviveGrowth() {
        var table = ByteInterner(slots: 4)
        let keys =
            [""] + (0..<5000).map { "k\($0)" } + ["a", "é", String(repeating: "x", count: 40)]
        for (expected, key) in keys.enumerated() {
            #expect(Self.id(&table, key) == Int32(expected))
        }
        #expect(table.count == keys.count)
        for (expected, key) in keys.enumerated() {
            #expect(Self.id(&table, key) == Int32(expected))
            #expect(Self.existing(table, key) == Int32(expected))
            #expect(Array(table.bytes(expected)) == Array(key.utf8))
        }
        for missing in ["k5000", "b", "k-1", "x", String(repeating: "x", count: 39)] {
            #expect(Self.existing(table, missing) == nil)
        }
    }
}
