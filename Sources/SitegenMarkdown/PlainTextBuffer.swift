import CCmarkGFM
import Foundation

/// Accumulates the plain text of visited nodes: text and code kept, markup and raw HTML dropped,
/// white space collapsed. Part of the C bridge.
struct PlainTextBuffer {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    /// How many words the collected text has (runs of non-space bytes), counted as it is built.
    private(set) var wordCount = 0

    /// The collected text.
    var result: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds what a node contributes on entering or leaving it.
    mutating func add(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            if entering { append(cmark_node_get_literal(node)) }
            if type == CMARK_NODE_CODE_BLOCK { pendingSpace = true }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            pendingSpace = true
        default:
            // Blocks (table cells among them: extensions register cells as blocks) end a word.
            if BlockTransformer.isBlock(type) { pendingSpace = true }
        }
    }

    private mutating func append(_ literal: UnsafePointer<CChar>?) {
        guard let literal else { return }
        var cursor = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        let end = cursor + strlen(literal)
        Self.spaces.withUnsafeBufferPointer { spaces in
            while cursor < end {
                if spaces[Int(cursor.pointee)] {
                    pendingSpace = true
                    cursor += 1
                    continue
                }
                // One run of words already separated by single spaces, copied at once.
                var runEnd = cursor + 1
                while runEnd < end {
                    runEnd = Self.nextControlOrSpace(from: runEnd, to: end)
                    guard runEnd < end else { break }
                    let byte = runEnd.pointee
                    if !spaces[Int(byte)] {
                        runEnd += 1
                    } else if byte == 0x20, runEnd + 1 < end, !spaces[Int(runEnd[1])] {
                        runEnd += 2
                        wordCount += 1
                    } else {
                        break
                    }
                }
                // A run starts a word unless it continues the last one (no space between).
                if bytes.isEmpty || pendingSpace { wordCount += 1 }
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(contentsOf: UnsafeBufferPointer(start: cursor, count: runEnd - cursor))
                cursor = runEnd
            }
        }
    }

    /// The first byte from `start` (before `end`) that is a space or a control character
    /// (at most `0x20`), or `end`: eight bytes are tested at a time, as one word of 64 bits
    /// (a byte under `0x21` has its high bit set in `(x - 0x21…) & ~x`; bytes of other
    /// characters, `0x80` and up, never do, and the lowest flagged byte is always exact).
    private static func nextControlOrSpace(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>
    ) -> UnsafePointer<UInt8> {
        var cursor = start
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
            let flagged = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
            if flagged != 0 { return cursor + flagged.trailingZeroBitCount / 8 }
            cursor += 8
        }
        while cursor < end && cursor.pointee > 0x20 { cursor += 1 }
        return cursor
    }

    /// Which bytes are white space: space, line feed, tab and carriage return.
    private static let spaces: [Bool] = (0..<256).map { isSpace(UInt8($0)) }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
