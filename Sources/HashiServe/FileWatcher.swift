import Foundation
import HashiSupport

/// Waits for files under some folders to change. On Linux it asks the kernel (inotify, every
/// folder watched, new folders added as they appear) and uses no CPU while nothing changes;
/// elsewhere, or when inotify cannot start, it falls back to polling and says so in `method`.
public final class FileWatcher: @unchecked Sendable {  // one thread at a time calls `waitForChange`, the only method that changes it
    public let folders: [String]
    /// How it watches, for the log: "inotify" or "polling every 0.4 s".
    public private(set) var method: String
    /// A burst of events (a save by rename, a checkout of many files) ends after this much quiet, in
    /// milliseconds; after a file closed from writing or moved in (a save likely complete), `settled`.
    let quiet: Int32 = 25
    let settled: Int32 = 10
    private var events: FolderEvents?
    private var watches: [Int32: String] = [:]
    private var polling: ChangeWatcher?
    private var fingerprint: [String] = []
    /// True when the kernel refused a watch for want of room: then only polling sees every folder.
    private var watchLimitReached = false

    public init(folders: [String], forcePolling: Bool = false) {
        self.folders = folders
        method = "inotify"
        events = forcePolling ? nil : FolderEvents()
        if events != nil {
            for folder in folders { watchTree(folder) }
            if watchLimitReached { events = nil }
        }
        if events == nil {
            method = watchLimitReached ? "polling every 0.4 s (inotify's watch limit is reached: raise fs.inotify.max_user_watches)"
                : "polling every 0.4 s"
            polling = ChangeWatcher(folders: folders)
            fingerprint = polling!.fingerprint()
        }
    }

    /// Blocks until something changed and the burst is over; returns the paths it saw change
    /// (empty when polling, which only knows that something did).
    public func waitForChange() -> Set<String> {
        guard let events else { return pollForChange() }
        var changed = Set<String>()
        var timeout: Int32 = -1
        let started = DispatchTime.now()
        while true {
            var ready = pollfd(fd: events.descriptor, events: Int16(POLLIN), revents: 0)
            let count = poll(&ready, 1, timeout)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                if !changed.isEmpty { return changed }
                continue
            }
            let writeDone = readEvents(events, into: &changed)
            // One rebuild for a burst: wait for a short quiet, but not for ever while files keep changing.
            let elapsed = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            timeout = changed.isEmpty ? -1 : (elapsed > 1_000 ? 0 : (writeDone ? settled : quiet))
        }
    }

    /// Polling: returns (with no paths) once the fingerprint of the folders changes.
    private func pollForChange() -> Set<String> {
        guard let polling else { return [] }
        while true {
            Thread.sleep(forTimeInterval: 0.4)
            let now = polling.fingerprint()
            if now != fingerprint { fingerprint = now; return [] }
        }
    }

    /// Adds the paths of the events ready now; true when the last of them finished a write.
    private func readEvents(_ events: FolderEvents, into changed: inout Set<String>) -> Bool {
        let read = events.read()
        for event in read {
            if event.isOverflow { changed.insert(folders.first ?? ""); continue }
            guard let folder = watches[event.watch] else { continue }
            let path = event.name.isEmpty ? folder : folder + "/" + event.name
            changed.insert(path)
            if event.isGone { watches[event.watch] = nil }
            if event.isNewFolder { watchTree(path) }
        }
        return read.last?.isWriteDone ?? false
    }

    /// Watches a folder and every folder under it.
    private func watchTree(_ root: String) {
        guard let events else { return }
        var pending = [root]
        while let folder = pending.popLast() {
            switch events.watch(folder) {
            case .watching(let wd): watches[wd] = folder
            case .limitReached: watchLimitReached = true; continue
            case .failed: continue
            }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                var info = stat()
                let path = folder + "/" + name
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) }
            }
        }
    }
}
