import Foundation

/// Reads whole files with POSIX calls: no Foundation bridging on the hot path.
package enum FileReader {
    /// The file's bytes, or nil when it cannot be read (`read(atPath:)` says why).
    package static func bytes(atPath path: String) -> [UInt8]? {
        try? read(atPath: path).get()
    }

    /// The file's bytes, or the system's reason it cannot be read.
    package static func read(atPath path: String) -> Result<[UInt8], SystemError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(SystemError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(SystemError()) }
        // Read straight into the array, sized by the file; what is past that size (a file that
        // grew, or /proc, whose files say 0) in a second loop. No scratch buffer per file:
        // 20,000 files each zeroing 64 KB cost more than reading them.
        let expected = max(0, Int(info.st_size))
        var failure: SystemError?
        var result = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let read = Platform.read(fd, buffer.baseAddress! + count, expected - count)
                if read < 0 && errno == EINTR { continue }
                if read < 0 { failure = SystemError() }
                if read <= 0 { break }
                count += read
            }
        }
        if let failure { return .failure(failure) }
        // The rest through a buffer on the stack: almost always one read that finds the end.
        let tail = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk -> SystemError? in
            while true {
                let count = Platform.read(fd, chunk.baseAddress, chunk.count)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { return SystemError() }
                if count == 0 { return nil }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<count]))
            }
        }
        if let tail { return .failure(tail) }
        return .success(result)
    }
}
