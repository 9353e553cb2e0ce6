import Foundation

/// A list of fixed-width integers of a chunk scan: in an array, or left in the mapped cache file
/// a rebuild read it from, so the 38 MB of scans a 10,000-page site keeps are not copied.
struct ScanColumn<Element: FixedWidthInteger & Sendable>: Sendable, Equatable {
    private enum Storage: Sendable {
        case array([Element])
        /// The file and the byte offset of the first element (aligned for `Element`).
        case mapped(MappedFile, Int)
    }

    private let storage: Storage
    /// Number of elements.
    let count: Int

    /// A column holding `array`.
    init(_ array: [Element]) {
        storage = .array(array)
        count = array.count
    }

    /// The `count` elements at byte `offset` of `file`, which the caller has checked are in
    /// the file and aligned for `Element`, in this machine's byte order.
    init(mapped file: MappedFile, offset: Int, count: Int) {
        storage = .mapped(file, offset)
        self.count = count
    }

    /// Calls `body` with the elements.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result)
        -> Result
    {
        switch storage {
        case .array(let array):
            return array.withUnsafeBufferPointer(body)
        case .mapped(let file, let offset):
            let size = count * MemoryLayout<Element>.stride
            let raw = UnsafeRawBufferPointer(rebasing: file.bytes[offset..<(offset + size)])
            return body(raw.bindMemory(to: Element.self))
        }
    }

    /// Whether these are the starts of strings in a run of `byteCount` bytes, plus its end:
    /// from 0, never decreasing, ending at `byteCount`.
    func areStarts(ofBytes byteCount: Int) -> Bool {
        withUnsafeBufferPointer { starts in
            guard let first = starts.first, first == 0, let last = starts.last,
                Int(last) == byteCount
            else { return false }
            return isNondecreasing(starts)
        }
    }

    /// Whether every element lies in `bounds`. The smallest and largest are found in one pass
    /// with no early exit, which the compiler vectorises: a rebuild checks millions of them.
    func allWithin(_ bounds: ClosedRange<Element>) -> Bool {
        withUnsafeBufferPointer { values in
            guard !values.isEmpty else { return true }
            var (low, high) = (Element.max, Element.min)
            for value in values {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            }
            return bounds.contains(low) && bounds.contains(high)
        }
    }

    /// Whether the elements never decrease, checked without an early exit (vectorised).
    func isNondecreasing() -> Bool {
        withUnsafeBufferPointer(isNondecreasing)
    }

    private func isNondecreasing(_ values: UnsafeBufferPointer<Element>) -> Bool {
        guard values.count > 1 else { return true }
        var decreases = false
        for index in 1..<values.count {
            decreases = decreases || values[index] < values[index - 1]
        }
        return !decreases
    }

    /// Whether every element satisfies `predicate`.
    func allSatisfy(_ predicate: (Element) -> Bool) -> Bool {
        withUnsafeBufferPointer { $0.allSatisfy(predicate) }
    }

    static func == (lhs: ScanColumn, rhs: ScanColumn) -> Bool {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in left.elementsEqual(right) }
        }
    }
}
