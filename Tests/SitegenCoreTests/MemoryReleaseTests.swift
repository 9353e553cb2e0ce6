import Foundation
import Synchronization
import Testing

@testable import SitegenCore

/// `MemoryRelease`: a value released in the background is freed, unless the process keeps
/// such values until it exits.
@Suite struct MemoryReleaseTests {
    /// A flag set when a probe is freed.
    final class Flag: Sendable {
        private let value = Mutex(false)
        func set() { value.withLock { $0 = true } }
        var isSet: Bool { value.withLock { $0 } }

        /// Whether the flag is set within `seconds`.
        func becomesSet(within seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if isSet { return true }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return isSet
        }
    }

    /// Sets its flag when it is freed.
    final class Probe: Sendable {
        let flag: Flag
        init(_ flag: Flag) { self.flag = flag }
        deinit { flag.set() }
    }

    @Test func keptValuesAreNotFreedAndOthersAre() {
        let (kept, released) = (Flag(), Flag())
        MemoryRelease.keepValuesUntilExit()
        MemoryRelease.releaseInBackground(Probe(kept))
        MemoryRelease.keepValuesUntilExit(false)
        MemoryRelease.releaseInBackground(Probe(released))
        #expect(released.becomesSet(within: 10))
        #expect(!kept.becomesSet(within: 0.3))
    }
}

/// `BackgroundTask`: a yielding task runs at a nice value of 10 on its own thread, leaving the
/// calling thread's as it was; another runs at the caller's.
@Suite struct BackgroundTaskTests {
    @Test func aYieldingTaskRunsNicedAndOthersDoNot() {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        let before = getpriority(which, 0)
        let yielding = BackgroundTask(inline: false, yielding: true) { getpriority(which, 0) }
        let plain = BackgroundTask(inline: false) { getpriority(which, 0) }
        #expect(yielding.value() >= 10)
        #expect(plain.value() == before)
        #expect(getpriority(which, 0) == before)
    }
}
