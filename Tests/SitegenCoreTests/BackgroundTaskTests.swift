import Foundation
import Testing

@testable import SitegenCore

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
