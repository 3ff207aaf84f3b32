import Foundation
import HashiSupport
#if canImport(Glibc)
import Glibc
#endif

/// Waits for files under some folders to change. On Linux it asks the kernel (inotify, every
/// folder watched, new folders added as they appear) and uses no CPU while nothing changes;
/// elsewhere, or when inotify cannot start, it falls back to polling and says so in `method`.
public final class FileWatcher: @unchecked Sendable {  // one thread at a time calls `waitForChange`, the only method that changes it
    public let folders: [String]
    /// How it watches, for the log: "inotify" or "polling every 0.4 s".
    public private(set) var method: String
    /// A burst of events (a save by rename, a checkout of many files) ends after this much quiet.
    let quiet: Int32 = 25
    private var fd: Int32 = -1
    private var watches: [Int32: String] = [:]
    private var polling: ChangeWatcher?
    private var fingerprint: [String] = []
    /// True when the kernel refused a watch for want of room: then only polling sees every folder.
    private var watchLimitReached = false

    public init(folders: [String], forcePolling: Bool = false) {
        self.folders = folders
        method = "inotify"
        #if os(Linux)
        if !forcePolling {
            fd = inotify_init1(Int32(IN_CLOEXEC))
        }
        #endif
        if fd >= 0 {
            for folder in folders { watchTree(folder) }
            if watchLimitReached {
                close(fd)
                fd = -1
            }
        }
        if fd < 0 {
            method = watchLimitReached ? "polling every 0.4 s (inotify's watch limit is reached: raise fs.inotify.max_user_watches)"
                : "polling every 0.4 s"
            polling = ChangeWatcher(folders: folders)
            fingerprint = polling!.fingerprint()
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Blocks until something changed and the burst is over; returns the paths it saw change
    /// (empty when polling, which only knows that something did).
    public func waitForChange() -> Set<String> {
        if let polling {
            while true {
                Thread.sleep(forTimeInterval: 0.4)
                let now = polling.fingerprint()
                if now != fingerprint { fingerprint = now; return [] }
            }
        }
        var changed = Set<String>()
        var timeout: Int32 = -1
        let started = DispatchTime.now()
        while true {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let count = poll(&ready, 1, timeout)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                if !changed.isEmpty { return changed }
                continue
            }
            readEvents(into: &changed)
            // One rebuild for a burst: wait for a short quiet, but not for ever while files keep changing.
            let elapsed = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            timeout = changed.isEmpty ? -1 : (elapsed > 1_000 ? 0 : quiet)
        }
    }

    private func readEvents(into changed: inout Set<String>) {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let length = read(fd, &buffer, buffer.count)
        guard length > 0 else { return }
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= length {
            let (wd, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(length, offset + header + nameLength)].prefix { $0 != 0 }
            offset += header + nameLength
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { changed.insert(folders.first ?? ""); continue }
            guard let folder = watches[wd] else { continue }
            let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            changed.insert(path)
            if mask & UInt32(IN_IGNORED) != 0 { watches[wd] = nil }
            if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                watchTree(path)
            }
        }
        #endif
    }

    /// Watches a folder and every folder under it.
    private func watchTree(_ root: String) {
        #if os(Linux)
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB) | UInt32(IN_ONLYDIR)
        var pending = [root]
        while let folder = pending.popLast() {
            let wd = inotify_add_watch(fd, folder, mask)
            guard wd >= 0 else {
                if errno == ENOSPC { watchLimitReached = true }
                continue
            }
            watches[wd] = folder
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                var info = stat()
                let path = folder + "/" + name
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) }
            }
        }
        #endif
    }
}
