/// Cuts the sorted terms into shards keyed by term prefix: a trie whose nodes are split by the
/// next character while their entries are larger than a limit.
///
/// A leaf shard holds every term starting with its key. An inner shard holds only the term equal
/// to its key (if any) and an aggregate entry for the whole prefix; its children have keys one
/// character longer. A term's shard is the one with the longest key the term starts with.
struct ShardPlanner {
    /// One shard.
    struct Shard: Equatable, Sendable {
        /// The prefix (one or more Unicode scalars).
        var key: String
        /// Positions of every term starting with `key`.
        var range: Range<Int>
        /// Positions of the terms the shard lists: all of `range` for a leaf.
        var own: Range<Int>
        /// Whether the shard is a leaf.
        var isLeaf: Bool { own == range }
    }

    /// Sorted terms.
    let terms: [SearchTerm]
    /// Bytes each term adds to a shard.
    let sizes: [Int]
    /// Largest shard that is still split further, in bytes.
    let limit: Int

    /// The shards, sorted by key.
    func plan() -> [Shard] {
        var totals = [0]
        for size in sizes { totals.append(totals[totals.count - 1] + size) }
        var shards: [Shard] = []
        func visit(_ key: String, _ range: Range<Int>, depth: Int) {
            if range.count == 1 || totals[range.upperBound] - totals[range.lowerBound] <= limit {
                shards.append(Shard(key: key, range: range, own: range))
                return
            }
            var rest = range
            if terms[range.lowerBound].scalarCount == depth { rest = range.dropFirst() }
            shards.append(Shard(key: key, range: range, own: range.lowerBound..<rest.lowerBound))
            for (child, subrange) in groups(rest, depth: depth + 1) {
                visit(child, subrange, depth: depth + 1)
            }
        }
        for (key, range) in groups(terms.indices, depth: 1) { visit(key, range, depth: 1) }
        return shards.sorted { SearchTerm(text: $0.key) < SearchTerm(text: $1.key) }
    }

    /// Consecutive runs of `range` sharing their first `depth` scalars. Prefixes are compared
    /// as bytes; a string is made only for each run's key.
    private func groups(_ range: Range<Int>, depth: Int) -> [(String, Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var start = range.lowerBound
        var key: [UInt8]?
        for position in range {
            terms[position].withPrefix(scalars: depth) { prefix in
                if let current = key {
                    if current.elementsEqual(prefix) { return }
                    result.append((String(decoding: current, as: UTF8.self), start..<position))
                    start = position
                }
                key = Array(prefix)
            }
        }
        if let current = key {
            result.append((String(decoding: current, as: UTF8.self), start..<range.upperBound))
        }
        return result
    }
}
