import Foundation
import Testing

@testable import SitegenCore

/// Integer lists are written from their own bytes (large ones straight to the file, past the
/// buffer) and read back without conversion; what a streaming writer puts in a file must read
/// back as written, whatever came before it.
@Suite struct BinaryCodingTests {
    @Test func streamedIntegerListsOfEverySizeReadBackAsWritten() throws {
        let url = try TestPaths.temporaryFolder().appendingPathComponent("lists.bin")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        var generator = SeededRandom(state: 3)
        // Sizes below, at and above the 64 KB that goes straight to the file.
        let sizes = [0, 1, 16_383, 16_384, 16_385, 300_000]
        let lists = sizes.map { size in
            (0..<size).map { _ in Int32.random(in: .min ... .max, using: &generator) }
        }
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var writer = BinaryWriter(streamingTo: descriptor)
        writer.string("header")
        for list in lists { writer.integers(list) }
        writer.integers(bytes)
        writer.uint64(42)
        writer.flush()
        #expect(close(descriptor) == 0 && !writer.failed)

        let file = try #require(MappedFile(path: url.path))
        var reader = BinaryReader(file)
        #expect(try reader.string() == "header")
        for list in lists { #expect(try reader.integers(Int32.self) == list) }
        #expect(try reader.integers(UInt8.self) == bytes)
        #expect(try reader.uint64() == 42)
        #expect(reader.isAtEnd)
    }
}
