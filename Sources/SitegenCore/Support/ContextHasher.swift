import Foundation

/// A stable hash of a template context (dictionaries, arrays, strings, numbers, booleans), used
/// to tell whether a page's template inputs changed. Dictionary keys are visited sorted.
struct ContextHasher {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash so far.
    var value: UInt64 { hash }

    /// Mixes in a value of any shape a context holds.
    mutating func combine(_ value: Any) {
        switch value {
        case let text as String:
            add(0x01)
            var copy = text
            copy.withUTF8 { addWords(UnsafeRawBufferPointer($0)) }
            add(0xFF)
        case let flag as Bool:
            add(flag ? 0x03 : 0x02)
        case let number as Int:
            add(0x04)
            withUnsafeBytes(of: number) { for byte in $0 { add(byte) } }
        case let dictionary as [String: Any]:
            add(0x05)
            for key in dictionary.keys.sorted() {
                combine(key)
                combine(dictionary[key] as Any)
            }
            add(0x06)
        case let list as LazyContextList:
            combine(list.materialized)
        case let array as [Any]:
            add(0x07)
            for element in array { combine(element) }
            add(0x08)
        default:
            combine(String(describing: value))
        }
    }

    /// Mixes in raw bytes.
    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// Mixes in a buffer eight bytes at a time, then its length.
    private mutating func addWords(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        while offset < buffer.count {
            add(buffer[offset])
            offset += 1
        }
        withUnsafeBytes(of: buffer.count) { for byte in $0 { add(byte) } }
    }

    private mutating func add(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
}
