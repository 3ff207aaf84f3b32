import Foundation

/// What the system says of a file that changes whenever its bytes do: where it is (device, inode),
/// its size, and when it was last written and last changed. A build that finds a file with the
/// stamp an earlier build recorded takes what that build read from it, without reading it again.
///
/// Timestamps are coarse on some systems (a few milliseconds, or two seconds), so a file written
/// twice within one tick could keep its stamp. A stamp is therefore trusted only when the file had
/// been left alone for `settledAfter` seconds before the build read it (as Git does).
package struct FileStamp: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    /// Nanoseconds since 1970.
    package var modified: Int64
    package var changed: Int64

    /// Tests set it to 0 to have every stamp trusted at once (they run one at a time).
    package nonisolated(unsafe) static var settledAfter: Int64 = 3

    package init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    package init(_ info: stat) {
        let modified = Platform.modificationTime(info)
        let changed = Platform.changeTime(info)
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  modified: Int64(modified.seconds) * 1_000_000_000 + Int64(modified.nanoseconds),
                  changed: Int64(changed.seconds) * 1_000_000_000 + Int64(changed.nanoseconds))
    }

    /// True when the file was last written or changed at least `settledAfter` seconds before `now`.
    package func isSettled(at now: Date) -> Bool {
        max(modified, changed) / 1_000_000_000 + Self.settledAfter <= Int64(now.timeIntervalSince1970)
    }
}
