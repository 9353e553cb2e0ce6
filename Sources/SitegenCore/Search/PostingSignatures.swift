/// Finds the terms whose postings differ between two sets of chunk scans without sorting or
/// gathering them: each term's signature is the wrapping sum of a strong mix of each of its
/// postings, added for one set and subtracted for the other, so a term whose postings are the
/// same in both ends at zero (and one whose postings differ ends at zero only by a 64-bit
/// coincidence, as a cache key may collide).
struct PostingSignatures {
    private var sums: [UInt64]
    private var seen: [Bool]
    private var touched: [Int32] = []

    /// Signatures for terms with table ids below `termCount`.
    init(termCount: Int) {
        sums = Array(repeating: 0, count: termCount)
        seen = Array(repeating: false, count: termCount)
    }

    /// Adds (or, `removing`, subtracts) the postings of `scan`, a chunk whose first document
    /// is `start`, whose terms have the table ids `ids`.
    mutating func add(_ scan: SearchChunkScan, at start: Int, ids: [Int32], removing: Bool) {
        scan.terms.withUnsafeBufferPointer { terms in
            scan.docs.withUnsafeBufferPointer { docs in
                scan.flags.withUnsafeBufferPointer { flags in
                    for position in terms.indices {
                        let id = Int(ids[Int(terms[position])])
                        let posting =
                            UInt64(UInt32(truncatingIfNeeded: start + Int(docs[position]))) << 8
                            | UInt64(flags[position])
                        let mixed = StableHash.mix(posting)
                        sums[id] = removing ? sums[id] &- mixed : sums[id] &+ mixed
                        if !seen[id] {
                            seen[id] = true
                            touched.append(Int32(id))
                        }
                    }
                }
            }
        }
    }

    /// The terms whose postings differ, and a mark for each term id that does.
    func changed() -> (Set<Int32>, [Bool]) {
        var terms = Set<Int32>()
        var marks = Array(repeating: false, count: sums.count)
        for id in touched where sums[Int(id)] != 0 {
            terms.insert(id)
            marks[Int(id)] = true
        }
        return (terms, marks)
    }
}
