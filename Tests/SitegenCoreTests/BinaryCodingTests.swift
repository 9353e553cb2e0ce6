import Foundation
import Testing

@testable import SitegenCore

/// Integer lists are written from their own bytes (large ones straight to the file, past the
/// buffer) and read back without conversion; what a streaming writer puts in a file must read
/// back as written, whatever came before it.
@Suite struct BinaryCodingTests {
    /// Lists of random integers of `sizes`, from a seeded generator.
    func lists(_ sizes: [Int], seed: UInt64) -> [[Int32]] {
        var generator = SeededRandom(state: seed)
        return sizes.map { size in
            (0..<size).map { _ in Int32.random(in: .min ... .max, using: &generator) }
        }
    }

    /// A file of what `body` writes with a streaming writer, mapped.
    func written(_ name: String, _ body: (inout BinaryWriter) -> Void) throws -> MappedFile {
        let url = try TestPaths.temporaryFolder().appendingPathComponent(name)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        var writer = BinaryWriter(streamingTo: descriptor)
        body(&writer)
        writer.flush()
        #expect(close(descriptor) == 0 && !writer.failed)
        return try #require(MappedFile(path: url.path))
    }

    @Test func streamedIntegerListsOfEverySizeReadBackAsWritten() throws {
        // Sizes below, at and above the 64 KB that goes straight to the file.
        let lists = lists([0, 1, 16_383, 16_384, 16_385, 300_000], seed: 3)
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = try written("lists.bin") { writer in
            writer.string("header")
            for list in lists { writer.integers(list) }
            writer.integers(bytes)
            writer.uint64(42)
        }
        var reader = BinaryReader(file)
        #expect(try reader.string() == "header")
        for list in lists { #expect(try reader.integers(Int32.self) == list) }
        #expect(try reader.integers(UInt8.self) == bytes)
        #expect(try reader.uint64() == 42)
        #expect(reader.isAtEnd)
    }

    @Test func columnsReadBackInPlaceAlignedWhateverComesBefore() throws {
        // Sizes below and above the 64 KB that goes straight to the file, after strings of
        // every length modulo 8.
        let columns = lists([0, 1, 3, 5_000, 20_000, 70_000], seed: 9)
        let file = try written("columns.bin") { writer in
            for (number, column) in columns.enumerated() {
                writer.string(String(repeating: "x", count: number * 3 + 1))
                writer.column(ScanColumn(column))
                writer.column(ScanColumn(column.map { UInt8(truncatingIfNeeded: $0) }))
            }
        }
        var reader = BinaryReader(file)
        for (number, column) in columns.enumerated() {
            #expect(try reader.string() == String(repeating: "x", count: number * 3 + 1))
            let read = try reader.column(Int32.self)
            #expect(read == ScanColumn(column))
            read.withUnsafeBufferPointer { buffer in
                // In the mapped file itself, at a multiple of 8 bytes.
                let address = Int(bitPattern: buffer.baseAddress)
                let start = Int(bitPattern: file.bytes.baseAddress)
                #expect(buffer.isEmpty || address % 8 == 0)
                #expect(buffer.isEmpty || (start..<(start + file.bytes.count)).contains(address))
                #expect(Array(buffer) == column)
            }
            let bytes = try reader.column(UInt8.self)
            #expect(bytes == ScanColumn(column.map { UInt8(truncatingIfNeeded: $0) }))
        }
        #expect(reader.isAtEnd)
    }
}
