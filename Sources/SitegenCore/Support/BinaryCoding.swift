import Foundation

/// Appends values to a byte buffer in a compact little-endian format, for the build cache;
/// with a file descriptor, the buffer goes to the file whenever it passes a megabyte.
struct BinaryWriter {
    /// The bytes not yet handed to the file.
    private(set) var bytes: [UInt8] = []
    /// Where full buffers go, if anywhere.
    private let descriptor: Int32?
    /// Whether writing to the file failed.
    private(set) var failed = false
    /// Bytes already handed to the file.
    private var flushed = 0

    /// Bytes a streaming writer gathers before handing them to the file.
    private static let flushBytes = 1 << 20

    /// Creates a writer that keeps everything in memory, or streams into `descriptor`. A
    /// streaming writer's buffer is made once with room for a full batch and a large write
    /// past it, so it is not regrown (and its new pages faulted in) batch after batch.
    init(streamingTo descriptor: Int32? = nil) {
        self.descriptor = descriptor
        if descriptor != nil { bytes.reserveCapacity(Self.flushBytes + Self.flushBytes / 4) }
    }

    /// Hands the buffered bytes to a streaming writer's file once a batch is gathered.
    private mutating func flushIfFull() {
        if descriptor != nil && bytes.count > Self.flushBytes { flush() }
    }

    /// Hands the buffered bytes to the file.
    mutating func flush() {
        guard let descriptor, !bytes.isEmpty else { return }
        if !bytes.withUnsafeBytes({ POSIXFile.writeAll($0, to: descriptor) }) { failed = true }
        flushed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes an integer as 8 bytes.
    mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }

    /// Writes an unsigned 64-bit integer.
    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes a boolean as one byte.
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Writes a string's UTF-8 bytes after their count.
    mutating func string(_ value: String) {
        // The bytes are read where the string keeps them: a mutable copy for `withUTF8`
        // retained every string written.
        value.withUTF8Bytes { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        flushIfFull()
    }

    /// Writes where search text is in a run of texts written apart (`offset`), its length and
    /// its digest, as `BinaryReader.text(in:)` reads them.
    mutating func text(_ value: SearchText, at offset: Int) {
        int(offset)
        int(value.utf8Count)
        uint64(value.digest)
    }

    /// Appends bytes as they are (what an earlier write put in a mapped file).
    mutating func raw(bytes value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        flushIfFull()
    }

    /// Writes bytes alone (for the HTML archive).
    mutating func raw(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
        flushIfFull()
    }

    /// Writes a string's bytes alone (for the HTML archive).
    mutating func raw(_ value: String) {
        value.withUTF8Bytes { bytes.append(contentsOf: $0) }
        flushIfFull()
    }

    /// Writes an optional string.
    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Writes a count, then each element.
    mutating func array<T>(_ values: [T], _ element: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        // Elements are passed in place: a loop's copy retained what each one holds.
        values.withUnsafeBufferPointer { values in
            for position in values.indices { element(&self, values[position]) }
        }
    }

    /// Writes a list of strings.
    mutating func strings(_ values: [String]) {
        int(values.count)
        values.withUnsafeBufferPointer { values in
            for position in values.indices { string(values[position]) }
        }
    }

    /// Writes a count, then the integers' little-endian bytes in one piece.
    mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBufferPointer { raw(integers: $0) }
    }

    /// Writes a column as `integers` writes a list, but with zero bytes before the integers
    /// so that they start at a multiple of 8 bytes from the start of the file: a reader can
    /// use them where they are mapped.
    mutating func column<T>(_ values: ScanColumn<T>) {
        int(values.count)
        let padding = (8 - (flushed + bytes.count) % 8) % 8
        bytes.append(contentsOf: repeatElement(0, count: padding))
        values.withUnsafeBufferPointer { raw(integers: $0) }
    }

    /// Writes integers' little-endian bytes in one piece.
    private mutating func raw<T: FixedWidthInteger>(integers values: UnsafeBufferPointer<T>) {
        #if _endian(little)
            // The values' own bytes are the format: no converted copy is made, and a large
            // list streams straight from memory rather than through the buffer.
            let raw = UnsafeRawBufferPointer(values)
            if let descriptor, raw.count >= 1 << 16 {
                flush()
                if !POSIXFile.writeAll(raw, to: descriptor) { failed = true }
                flushed += raw.count
            } else {
                bytes.append(contentsOf: raw)
            }
        #else
            values.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
        #endif
        flushIfFull()
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws, and the cache is ignored.
struct BinaryReader {
    /// The cache file does not hold what was expected.
    struct Malformed: Error {}

    /// Keeps the bytes mapped while the reader lives.
    private let file: MappedFile
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    /// Creates a reader over a mapped file, or over the part of it at `range`.
    init(_ file: MappedFile, range: Range<Int>? = nil) {
        self.file = file
        bytes = range.map { UnsafeRawBufferPointer(rebasing: file.bytes[$0]) } ?? file.bytes
    }

    /// Where the reader is in the file, for a reader of its own over the rest.
    var filePosition: Int {
        guard let base = bytes.baseAddress, let start = file.bytes.baseAddress else {
            return offset
        }
        return base - start + offset
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    /// Reads an unsigned 64-bit integer.
    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Malformed() }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    /// Reads an integer.
    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }

    /// Reads a boolean.
    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    /// Reads a string.
    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
        defer { offset += count }
        guard count > 0, let base = bytes.baseAddress else { return "" }
        let start = (base + offset).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// Steps over a run of bytes written as its length then the bytes; returns where they are
    /// in the file.
    mutating func skipBytes() throws -> Range<Int> {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
        let start = filePosition
        offset += count
        return start..<(start + count)
    }

    /// Reads a search text written as its place in `texts` (a run of bytes of the file, as
    /// `skipBytes` found it), its length and its digest, leaving the bytes in the mapped file.
    mutating func text(in texts: Range<Int>) throws -> SearchText {
        let start = try int()
        let count = try int()
        guard start >= 0, count >= 0, start <= texts.count - count else { throw Malformed() }
        let digest = try uint64()
        let range = (texts.lowerBound + start)..<(texts.lowerBound + start + count)
        return SearchText(mapped: file, range: range, digest: digest)
    }

    /// Steps over a string, checking its length.
    mutating func skipString() throws {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
        offset += count
    }

    /// Reads an optional string.
    mutating func optional() throws -> String? { try bool() ? try string() : nil }

    /// Reads a count, then each element.
    mutating func array<T>(_ element: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    /// Reads what `array` wrote of (key, value) pairs straight into a dictionary; the first of
    /// two equal keys wins.
    mutating func dictionary<V>(_ value: (inout BinaryReader) throws -> V) throws -> [String: V] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        var values: [String: V] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            let element = try value(&self)
            if values[key] == nil { values[key] = element }
        }
        return values
    }

    /// Reads a list of strings.
    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// Skips what `BinaryWriter.strings` wrote; returns where it is in the file.
    mutating func skipStrings() throws -> Range<Int> {
        let start = filePosition
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        for _ in 0..<count { try skipString() }
        return start..<filePosition
    }

    /// The mapped file the reader reads.
    var mappedFile: MappedFile { file }

    /// Reads what `BinaryWriter.integers` wrote.
    /// Reads what `BinaryWriter.column` wrote: on a little-endian machine the column stays in
    /// the mapped file, otherwise it is copied and converted.
    mutating func column<T: FixedWidthInteger & Sendable>(_ type: T.Type) throws -> ScanColumn<T> {
        let count = try int()
        let padding = (8 - filePosition % 8) % 8
        let size = MemoryLayout<T>.size
        guard count >= 0, padding <= bytes.count - offset,
            count <= (bytes.count - offset - padding) / size
        else { throw Malformed() }
        offset += padding
        #if _endian(little)
            let column = ScanColumn<T>(mapped: file, offset: filePosition, count: count)
            offset += count * size
            return column
        #else
            return ScanColumn(try elements(count, T.self))
        #endif
    }

    mutating func integers<T: FixedWidthInteger>(_ type: T.Type) throws -> [T] {
        try elements(try int(), T.self)
    }

    /// Reads `count` integers' little-endian bytes into an array.
    private mutating func elements<T: FixedWidthInteger>(_ count: Int, _ type: T.Type) throws
        -> [T]
    {
        let size = MemoryLayout<T>.size
        guard count >= 0, count <= (bytes.count - offset) / size else { throw Malformed() }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count * size)]))
            initialized = count
        }
        offset += count * size
        #if _endian(little)
            return values
        #else
            return values.map { T(littleEndian: $0) }
        #endif
    }
}
