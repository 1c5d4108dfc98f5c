import Foundation
import Synchronization
import Testing

@testable import Store

@Suite struct OverpostingTests {
    let list = "physics-announce@cern.ch"

    @Test func rollingWindowCounts() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let window = days(7)
            // Announcements on days 0, 2, 4, 8 and 12; each call reports the count in the
            // 7 days before it, itself included: day 8 sees days 2, 4 and 8; day 12 sees 8 and 12.
            var reported: [Int] = []
            for day in [0.0, 2, 4, 8, 12] {
                let at = t0 + days(day)
                reported.append(
                    try store.recordAnnouncement(sender: jane, list: list, at: at, countingSince: at - window))
            }
            #expect(reported == [1, 2, 3, 3, 2])
            #expect(try store.announcementCount(sender: jane, list: list, since: t0) == 5)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(3)) == 3)
            // The window's start is inclusive.
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(8)) == 2)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(8) + 0.001) == 1)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(13)) == 0)
        }
    }

    /// A caller that compares with a maximum gets a count that stops at its limit: a flood from
    /// one sender costs a bounded count per message.
    @Test func aCountStopsAtItsLimit() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            var reported: [Int] = []
            for minute in 0..<6 {
                let at = t0 + Double(minute) * 60
                reported.append(try store.recordAnnouncement(sender: jane, list: list, at: at, countingSince: t0, upTo: 3))
            }
            #expect(reported == [1, 2, 3, 3, 3, 3])
            #expect(try store.announcementCount(sender: jane, list: list, since: t0) == 6)
        }
    }

    @Test func countedPerSenderAndList() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let john = try pseudonym("john.doe@cern.ch")
            try store.recordAnnouncement(sender: jane, list: list, at: t0, countingSince: t0)
            try store.recordAnnouncement(sender: jane, list: "it-announce@cern.ch", at: t0, countingSince: t0)
            try store.recordAnnouncement(sender: john, list: list, at: t0, countingSince: t0)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 - days(1)) == 1)
            #expect(try store.announcementCount(sender: john, list: list, since: t0 - days(1)) == 1)
            #expect(try store.announcementCount(sender: jane, list: "it-announce@cern.ch", since: t0 - days(1)) == 1)
            #expect(try store.announcementCount(sender: john, list: "it-announce@cern.ch", since: t0 - days(1)) == 0)
        }
    }

    /// Recording and counting is one step: concurrent announcements by one sender each see a
    /// different count, so a burst cannot slip under the limit together.
    @Test func concurrentAnnouncementsSeeEachOther() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let counts = Mutex<[Int]>([])
            let list = self.list
            try onThreads(4) { thread in
                for index in 0..<10 {
                    let at = t0 + Double(thread * 10 + index)
                    let count = try store.recordAnnouncement(
                        sender: jane, list: list, at: at, countingSince: t0 - days(1))
                    counts.withLock { $0.append(count) }
                }
            }
            #expect(counts.withLock { $0.sorted() } == Array(1...40))
        }
    }
}
