import Foundation
import HashiServe
import XCTest

/// The watcher of `hashi serve`: the kernel's notices, new folders included, and one rebuild for a burst.
final class FileWatcherTests: XCTestCase {
    /// Changes seen by a watcher running on its own thread: one entry per `waitForChange` that returned.
    final class Seen: @unchecked Sendable {  // `rounds` is read and written under `lock`
        private let lock = NSLock()
        private var list: [Set<String>] = []
        var rounds: [Set<String>] { lock.withLock { list } }

        init(_ watcher: FileWatcher) {
            let thread = Thread { [self] in
                while true {
                    let changed = watcher.waitForChange()
                    lock.withLock { list.append(changed) }
                }
            }
            thread.start()
        }
    }

    func testItSeesChangesInNewFoldersToo() throws {
        let folder = try TemporaryFolder(["Content/en/a.md": "a"])
        let watcher = FileWatcher(folders: [folder.path + "/Content"])
        XCTAssertEqual(watcher.method, "inotify")
        let seen = Seen(watcher)
        try folder.write(["Content/en/new/deeper/b.md": "b"])
        XCTAssertTrue(eventually { seen.rounds.count == 1 })
        usleep(100_000)
        try folder.write(["Content/en/new/deeper/b.md": "changed"])
        XCTAssertTrue(eventually { seen.rounds.count == 2 }, "a file in a folder made after the watch began")
        XCTAssertTrue(seen.rounds[1].contains(folder.path + "/Content/en/new/deeper/b.md"), "\(seen.rounds)")
    }

    func testABurstIsOneChange() throws {
        let folder = try TemporaryFolder(["Content/en/a.md": "a"])
        let watcher = FileWatcher(folders: [folder.path + "/Content"])
        let seen = Seen(watcher)
        // A save by rename, as editors do it.
        try folder.write(["Content/en/.a.md.swp": "new"])
        XCTAssertEqual(rename(folder.path + "/Content/en/.a.md.swp", folder.path + "/Content/en/a.md"), 0)
        XCTAssertTrue(eventually { seen.rounds.count == 1 })
        usleep(300_000)
        // A checkout of 500 files.
        try folder.write(Dictionary(uniqueKeysWithValues: (0..<500).map { ("Content/en/page\($0).md", "page \($0)") }))
        XCTAssertTrue(eventually { seen.rounds.count >= 2 })
        usleep(300_000)
        XCTAssertEqual(seen.rounds.count, 2, "one rebuild for the save, one for the checkout")
        XCTAssertEqual(seen.rounds.last?.count, 500)
    }

    func testPollingIsTheFallback() throws {
        let folder = try TemporaryFolder(["Content/en/a.md": "a"])
        let watcher = FileWatcher(folders: [folder.path + "/Content"], forcePolling: true)
        XCTAssertEqual(watcher.method, "polling every 0.4 s")
        let seen = Seen(watcher)
        usleep(100_000)
        try folder.write(["Content/en/a.md": "changed"])
        XCTAssertTrue(eventually { seen.rounds.count == 1 })
    }
}
