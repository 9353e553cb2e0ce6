import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores (or serially with `jobs == 1`); results keep the input order.
    func parallelMap<T: Sendable>(jobs: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        // Many small chunks: the last ones then leave no core idle for long.
        let chunk = Swift.max(1, count / (workers * 32))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                for position in start..<Swift.min(start + chunk, input.count) {
                    results.set(position, transform(input[position]))
                }
            }
        }
        return results.values()
    }
}

/// Pre-sized storage that parallel workers fill at distinct indices.
///
/// The slots live in one allocation written through a pointer: an `Array` property would be
/// copied on write whenever another worker's access briefly held a second reference (as debug
/// builds do), and concurrent copies crash.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Stores a result; each index is written by exactly one worker.
    func set(_ index: Int, _ value: T) {
        slots[index] = value
    }

    /// Every result, in order, moved out of the slots (each left nil): copying them would
    /// retain and then release every reference each result holds.
    func values() -> [T] {
        (0..<count).map { index in
            guard let value = (slots + index).move() else { fatalError("result \(index) missing") }
            (slots + index).initialize(to: nil)
            return value
        }
    }
}

extension Array where Element: Sendable {
    /// Maps chunks of consecutive elements on all cores, so each chunk can keep its own state
    /// (a memo, a buffer); results keep the input order.
    func parallelChunks<T: Sendable>(
        jobs: Int? = nil, _ transform: @Sendable (ArraySlice<Element>) -> [T]
    ) -> [T] {
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, count > 1 else { return transform(self[...]) }
        // Small chunks, so the last ones leave no core idle for long at the end.
        let size = Swift.max(1, count / (workers * 24))
        let starts = Array<Int>(stride(from: 0, to: count, by: size))
        return starts.parallelMap(jobs: workers) { start in
            transform(self[start..<Swift.min(start + size, count)])
        }.flatMap { $0 }
    }
}
