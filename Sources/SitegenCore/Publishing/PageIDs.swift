import Foundation

/// The ids an output file defines, sorted. A file's ids loaded from the build cache stay in the
/// mapped file as written: a rebuild decodes them only for files a `#fragment` link names, and
/// saves them again by copying their bytes.
public struct PageIDs: Sendable, Equatable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case sorted([String])
        case mapped(MappedFile, Range<Int>)
    }

    private let storage: Storage

    /// The distinct ids of `ids`.
    public init(_ ids: some Sequence<String>) {
        storage = .sorted(Set(ids).sorted())
    }

    /// Ids given as a literal.
    public init(arrayLiteral ids: String...) {
        self.init(ids)
    }

    /// Ids at `range` of a mapped file, as `BinaryWriter.strings` wrote them (sorted).
    init(mapped file: MappedFile, range: Range<Int>) {
        storage = .mapped(file, range)
    }

    /// Whether the ids are still in a mapped file rather than decoded.
    var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    /// The ids in order; empty when mapped bytes cannot be read.
    public var sorted: [String] {
        switch storage {
        case .sorted(let ids): return ids
        case .mapped(let file, let range):
            var reader = BinaryReader(file, range: range)
            return (try? reader.strings()) ?? []
        }
    }

    /// The same ids, decoded once for repeated lookups.
    var decoded: PageIDs {
        if case .sorted = storage { return self }
        return PageIDs(sortedIDs: sorted)
    }

    private init(sortedIDs: [String]) {
        storage = .sorted(sortedIDs)
    }

    /// Whether `id` is one of them (a binary search).
    public func contains(_ id: String) -> Bool {
        let ids = sorted
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id
    }

    /// Writes the ids as `BinaryWriter.strings` does, copying mapped bytes as they are.
    func write(to writer: inout BinaryWriter) {
        switch storage {
        case .sorted(let ids): writer.strings(ids)
        case .mapped(let file, let range):
            writer.raw(bytes: UnsafeRawBufferPointer(rebasing: file.bytes[range]))
        }
    }

    public static func == (lhs: PageIDs, rhs: PageIDs) -> Bool { lhs.sorted == rhs.sorted }
}
