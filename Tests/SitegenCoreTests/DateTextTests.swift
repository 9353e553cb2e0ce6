import Foundation
import Testing

@testable import SitegenCore

@Suite struct DateTextTests {
    /// The calendar-based formatting the byte-level version replaced.
    static func reference(_ date: Date) -> (String, String) {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ]
        let day = String(
            format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let readable = "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
        return (day, readable)
    }

    @Test func formatsLikeTheUTCCalendarAcrossCenturies() {
        var seconds = -2_208_988_800.0  // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: seconds)
            let (day, readable) = Self.reference(date)
            #expect(DateText.day(date) == day)
            #expect(DateText.readable(date) == readable)
            seconds += 86_400 * 13 + 3_601
        }
        #expect(DateText.day(Date(timeIntervalSince1970: 1_709_164_800)) == "2024-02-29")
        #expect(DateText.readable(Date(timeIntervalSince1970: -1)) == "31 December 1969")
    }
}

@Suite struct UTCMidnightTests {
    @Test func midnightsRoundTripThroughCivilDatesAndImpossibleDaysAreRefused() throws {
        for (year, month, day) in [(2024, 2, 29), (1969, 12, 31), (1900, 3, 1), (2000, 1, 1)] {
            let date = try #require(DateText.utcMidnight(year: year, month: month, day: day))
            #expect(DateText.civil(date) == (year, month, day))
            #expect(date.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 0)
        }
        #expect(DateText.utcMidnight(year: 2023, month: 2, day: 29) == nil)
        #expect(DateText.utcMidnight(year: 2024, month: 13, day: 1) == nil)
    }
}
