import Foundation

/// A value computed on a thread of its own while the caller goes on, or at once on the calling
/// thread when `inline` (serial builds); `value()` waits for it.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?
    /// The work; dropped once done, so what it captured is freed before `value()` is read.
    private var body: (@Sendable () -> T)?

    /// Starts computing `body`.
    init(inline: Bool, yielding: Bool = false, _ body: @escaping @Sendable () -> T) {
        self.body = body
        if inline {
            result = body()
            self.body = nil
            done.signal()
            return
        }
        let thread = Thread { [self] in
            // Work the build needs only at its end gives way to the stages it waits for: a nice
            // value of 10 (this thread's own, on Linux) leaves it a tenth of a busy core and all
            // of an idle one.
            if yielding { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
            result = self.body?()
            self.body = nil
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once computed (the thread's writes are visible after the semaphore).
    func value() -> T {
        done.wait()
        done.signal()
        guard let result else { preconditionFailure("a background task finished without a value") }
        return result
    }

    /// Waits for the value and hands it over, so the caller decides where it is freed; the
    /// task must not be asked for its value again.
    func take() -> T {
        done.wait()
        defer { done.signal() }
        guard let taken = result else {
            preconditionFailure("a background task's value was taken twice")
        }
        result = nil
        return taken
    }
}
