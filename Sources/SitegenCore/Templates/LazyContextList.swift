import Mustache

/// A list value whose elements are built only when a template iterates it, for values most
/// themes never read (such as `nav` beside `navHTML`).
struct LazyContextList: MustacheSequence, Sendable {
    /// How many elements there are.
    let count: Int
    /// Builds element `index`.
    let element: @Sendable (Int) -> TemplateValue

    func makeIterator() -> AnyIterator<Any> {
        var index = 0
        return AnyIterator {
            guard index < count else { return nil }
            defer { index += 1 }
            return element(index).any
        }
    }
}
