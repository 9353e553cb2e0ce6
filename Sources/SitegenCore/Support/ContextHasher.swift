import Foundation

/// A stable hash of a template context (dictionaries, arrays, strings, numbers, booleans), used
/// to tell whether a page's template inputs changed. Dictionary keys are visited sorted.
struct ContextHasher {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash so far.
    var value: UInt64 { hash }

    private static let stringType = ObjectIdentifier(String.self)
    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let stringDictionaryType = ObjectIdentifier([String: String].self)
    private static let dictionaryListType = ObjectIdentifier([[String: Any]].self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)

    /// Mixes in a value of any shape a context holds. Dictionary entries are combined in an
    /// order-independent way, so keys need no sorting. The commonest types are told apart by
    /// their exact type first: casting `[[String: Any]]` to `[Any]` would copy the array.
    mutating func combine(_ value: Any) {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType, let text = value as? String {
            combine(text)
        } else if type == Self.dictionaryType, let dictionary = value as? [String: Any] {
            combine(dictionary: dictionary)
        } else if type == Self.stringDictionaryType, let dictionary = value as? [String: String] {
            combine(dictionary: dictionary)
        } else if type == Self.boolType, let flag = value as? Bool {
            combine(flag)
        } else if type == Self.intType, let number = value as? Int {
            combine(number)
        } else if type == Self.dictionaryListType, let list = value as? [[String: Any]] {
            add(0x07)
            for element in list { combine(dictionary: element) }
            add(0x08)
        } else {
            combineByCasting(value)
        }
    }

    private mutating func combine<Element>(dictionary: [String: Element]) {
        add(0x05)
        var sum: UInt64 = 0
        for (key, element) in dictionary {
            var entry = ContextHasher()
            entry.combine(key)
            entry.combine(element)
            sum = sum &+ entry.value
        }
        withUnsafeBytes(of: sum) { for byte in $0 { add(byte) } }
        add(0x06)
    }

    private mutating func combineByCasting(_ value: Any) {
        switch value {
        case let text as String:
            combine(text)
        case let dictionary as [String: Any]:
            combine(dictionary: dictionary)
        case let flag as Bool:
            combine(flag)
        case let number as Int:
            combine(number)
        case let content as PageContent:
            add(0x0A)
            combine(Int(bitPattern: UInt(content.hash)))
        case let list as LazyContextList:
            add(0x09)
            withUnsafeBytes(of: list.key) { for byte in $0 { add(byte) } }
        case let array as [Any]:
            add(0x07)
            for element in array { combine(element) }
            add(0x08)
        default:
            combine(String(describing: value))
        }
    }

    /// Mixes in a string.
    mutating func combine(_ text: String) {
        add(0x01)
        var copy = text
        copy.withUTF8 { addWords(UnsafeRawBufferPointer($0)) }
        add(0xFF)
    }

    /// Mixes in UTF-8 bytes exactly as `combine(_:)` mixes in the string they spell.
    mutating func combine(utf8: UnsafeBufferPointer<UInt8>) {
        add(0x01)
        addWords(UnsafeRawBufferPointer(utf8))
        add(0xFF)
    }

    /// Mixes in a boolean.
    mutating func combine(_ flag: Bool) { add(flag ? 0x03 : 0x02) }

    /// Mixes in an integer.
    mutating func combine(_ number: Int) {
        add(0x04)
        hash = (hash ^ UInt64(bitPattern: Int64(number))) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
    }

    /// Mixes in raw bytes.
    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// Mixes in any buffer's bytes eight at a time, then its length.
    mutating func combine(raw buffer: UnsafeRawBufferPointer) {
        addWords(buffer)
    }

    /// Mixes in a byte array eight bytes at a time, then its length.
    mutating func combine(buffer: [UInt8]) {
        buffer.withUnsafeBytes { addWords($0) }
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
