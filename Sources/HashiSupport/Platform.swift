#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls whose names or shapes differ between Linux and macOS. Every other POSIX
/// call (open, mkdir, lstat, flock) comes through Foundation on both; this is the one file that
/// says which system it runs on.
package enum Platform {
    /// `read(2)`: bytes read, 0 at the end, -1 on failure (see `errno`).
    package static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `write(2)`: bytes written, -1 on failure (see `errno`).
    package static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// A file's modification time, to the nanosecond.
    package static func modificationTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Glibc)
        (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #else
        (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #endif
    }

    /// A file's status change time (any write, rename or change of its attributes), to the nanosecond.
    package static func changeTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Glibc)
        (Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec))
        #else
        (Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec))
        #endif
    }

    /// Swaps two folders in one step where the system can (Linux `renameat2(RENAME_EXCHANGE)`,
    /// macOS `renamex_np(RENAME_SWAP)`); false when it cannot, and nothing was moved.
    package static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    /// User and system time of every thread of the process so far, in seconds.
    package static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The system's words for the last failure (`errno`).
    package static var lastError: String { String(cString: strerror(errno)) }

    /// glibc gives each thread that meets a busy allocator a heap of its own, up to eight a core,
    /// and each keeps the memory freed into it: a build's peak was a tenth higher for it (148
    /// against 132 MB at 1,000 pages a language). One heap a core is enough for a build's threads.
    /// Called first thing, before any thread starts; nothing to do on macOS.
    package static func limitAllocatorHeaps() {
        #if canImport(Glibc)
        // `mallopt(M_ARENA_MAX, n)`; <malloc.h> is not part of Swift's Glibc module, so it is looked up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, Int32(clamping: sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #endif
    }
}

/// Standard output and error written with one system call a text, unbuffered: a reader that has
/// gone away (a closed pipe) makes the write fail, which is ignored, instead of stopping hashi.
public enum StandardStreams {
    public enum Stream: Int32 {
        case output = 1
        case error = 2
    }

    public static func write(_ text: String, to stream: Stream) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Platform.write(stream.rawValue, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

/// The kernel telling which files in some folders changed (Linux inotify), so a watcher needs no
/// CPU while nothing does. Not there on other systems: `init` gives nil and the caller polls.
package final class FolderEvents {
    /// One change: in the folder of `watch`, the entry `name` (empty for the folder itself).
    package struct Event {
        package var watch: Int32
        package var name: String
        /// The kernel dropped events: anything may have changed.
        package var isOverflow: Bool
        /// The folder of `watch` is gone, and so is the watch.
        package var isGone: Bool
        /// A folder appeared (made or moved in): it needs a watch of its own.
        package var isNewFolder: Bool
        /// A file was closed after writing, or moved in: a save is likely complete.
        package var isWriteDone: Bool = false
    }

    /// What asking to watch a folder gave.
    package enum Watch {
        case watching(Int32)
        /// The kernel has no room for more watches (`fs.inotify.max_user_watches`).
        case limitReached
        case failed
    }

    /// The descriptor to wait on with `poll` for events to read.
    package let descriptor: Int32

    package init?() {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        #else
        return nil
        #endif
    }

    deinit { close(descriptor) }

    package func watch(_ folder: String) -> Watch {
        #if os(Linux)
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB) | UInt32(IN_ONLYDIR)
        let wd = inotify_add_watch(descriptor, folder, mask)
        if wd >= 0 { return .watching(wd) }
        return errno == ENOSPC ? .limitReached : .failed
        #else
        return .failed
        #endif
    }

    /// The events ready now (call when `poll` says the descriptor is readable).
    package func read() -> [Event] {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let length = Platform.read(descriptor, &buffer, buffer.count)
        guard length > 0 else { return [] }
        var events: [Event] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= length {
            let (wd, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let name = buffer[(offset + header)..<min(length, offset + header + nameLength)].prefix { $0 != 0 }
            offset += header + nameLength
            events.append(Event(watch: wd, name: String(decoding: name, as: UTF8.self),
                                isOverflow: mask & UInt32(IN_Q_OVERFLOW) != 0, isGone: mask & UInt32(IN_IGNORED) != 0,
                                isNewFolder: mask & UInt32(IN_ISDIR) != 0 && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0,
                                isWriteDone: mask & UInt32(IN_ISDIR) == 0 && mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)) != 0))
        }
        return events
        #else
        return []
        #endif
    }
}
