import Foundation

/// A value made by the first caller that needs it, then shared; callers meanwhile wait. Work
/// that only some builds need (an incremental build may template nothing) is then not done.
final class OnceValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    /// A value `make` makes on first use.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, made now if no caller needed it before.
    var value: Value {
        lock.withLock {
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
