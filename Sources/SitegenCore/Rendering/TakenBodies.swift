/// Pages' Markdown bodies moved out of their pages, so that parallel workers can each take
/// one (leaving the slot empty) and free it once the page is rendered.
final class TakenBodies: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<String>
    private let count: Int

    /// Moves every page's body into a slot of its own, leaving the pages with empty bodies.
    init(from pages: inout [Page]) {
        count = pages.count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: "", count: count)
        pages.withUnsafeMutableBufferPointer { pages in
            for index in pages.indices { swap(&slots[index], &pages[index].body) }
        }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// The body of page `index`, left empty in its slot; each index is taken by one worker.
    func take(_ index: Int) -> String {
        var body = ""
        swap(&body, &slots[index])
        return body
    }
}
