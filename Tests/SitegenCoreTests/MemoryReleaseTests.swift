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
