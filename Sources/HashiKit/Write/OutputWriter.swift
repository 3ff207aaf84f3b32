import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stage 6: writes the site into a staging folder beside the output, then swaps it into place,
/// so a failed or killed build never leaves a half-written site.
///
/// The staging folder `<output>.hashi-staging/` holds a lock file, held with `flock` for the whole
/// build so two builds into one output cannot mix (the kernel lets go of it when a build dies), and
/// `site/`, the new site. Nothing is written anywhere else but the output folder itself.
///
/// Files are written with plain POSIX calls: Foundation's writes fsync every file on Linux.
public final class OutputWriter: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case foreignOutput(String)
        case cannotCreate(String, String)
        case cannotWrite(String, String)
        case cannotSwap(String, String)
        case busy(String)

        public var description: String {
            switch self {
            case .foreignOutput(let path):
                return "\(path) is not empty and was not made by hashi: refusing to replace it (choose another --output, or empty it yourself)"
            case let .cannotCreate(path, reason): return "cannot create \(path): \(reason)"
            case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
            case let .cannotSwap(path, reason): return "cannot put the new site in place at \(path): \(reason); the previous site is unchanged"
            case .busy(let path): return "another hashi build is writing \(path) right now; wait for it to finish"
            }
        }
    }

    /// The folder hashi keeps inside every output it makes (its marker, later its build state).
    public static let stateFolder = ".hashi"
    /// Files a repository may keep in an otherwise empty output folder, carried over to each build.
    static let placeholders: Set<String> = [".gitkeep"]

    public let outputDirectory: String
    /// `<output>.hashi-staging`: the lock file and the new site.
    public let stagingRoot: String
    /// Where the new site is written before it is swapped in.
    public let stagingDirectory: String
    private var lockDescriptor: Int32 = -1
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private var firstError: Failure?

    public init(outputDirectory: String) {
        let trimmed = outputDirectory.count > 1 && outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
        self.outputDirectory = trimmed
        self.stagingRoot = trimmed + ".hashi-staging"
        self.stagingDirectory = stagingRoot + "/site"
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// Refuses an output folder that holds something hashi did not make; creates the staging folder.
    public func prepare() throws(Failure) {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: outputDirectory) {
            let isOurs = names.contains(Self.stateFolder) || names.allSatisfy { Self.placeholders.contains($0) }
            guard isOurs else { throw .foreignOutput(outputDirectory) }
        }
        do {
            try FileManager.default.createDirectory(atPath: stagingRoot, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(stagingRoot, "\(error.localizedDescription)")
        }
        let fd = open(stagingRoot + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotCreate(stagingRoot + "/lock", Self.lastError()) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .busy(outputDirectory)
        }
        lockDescriptor = fd
        // What a killed build left behind is ours to clear, now that we hold the lock.
        try? FileManager.default.removeItem(atPath: stagingDirectory)
        guard mkdir(stagingDirectory, 0o755) == 0 else { throw .cannotCreate(stagingDirectory, Self.lastError()) }
        createdFolders = [stagingDirectory]
    }

    /// Writes one file of the site; safe to call from many threads at once.
    public func write(_ path: String, contents: String) {
        var text = contents
        text.withUTF8 { write(path, bytes: UnsafeRawBufferPointer($0)) }
    }

    public func write(_ path: String, bytes: UnsafeRawBufferPointer) {
        let full = stagingDirectory + "/" + path
        guard ensureFolder(URLPath.folder(of: full)) else { return }
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return record(.cannotWrite(path, Self.lastError())) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return record(.cannotWrite(path, Self.lastError()))
            }
            offset += written
        }
    }

    public func copy(from source: String, to path: String) {
        guard let bytes = FileReader.bytes(atPath: source) else { return record(.cannotWrite(path, "cannot read \(source)")) }
        bytes.withUnsafeBytes { write(path, bytes: $0) }
    }

    /// Marks the staging folder as hashi's and swaps it with the output; the old site is then removed.
    public func commit() throws(Failure) {
        if let error = lock.withLock({ firstError }) {
            abort()
            throw error
        }
        write(Self.stateFolder + "/marker", contents: "This folder was written by hashi; it replaces it on each build.\n")
        let oldNames = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
        for name in oldNames where Self.placeholders.contains(name) {
            copy(from: outputDirectory + "/" + name, to: name)
        }
        if FileManager.default.fileExists(atPath: outputDirectory) {
            guard Self.exchange(stagingDirectory, outputDirectory, aside: stagingRoot + "/old") else {
                let reason = Self.lastError()
                abort()
                throw .cannotSwap(outputDirectory, reason)
            }
        } else if rename(stagingDirectory, outputDirectory) != 0 {
            let reason = Self.lastError()
            abort()
            throw .cannotSwap(outputDirectory, reason)
        }
        release()
    }

    /// Removes the staging folder, leaving the output as it was.
    public func abort() {
        release()
    }

    /// Deletes the staging folder (after a swap, the old site) and lets go of the lock.
    private func release() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
        guard lockDescriptor >= 0 else { return }
        unlink(stagingRoot + "/lock")
        rmdir(stagingRoot)
        close(lockDescriptor)
        lockDescriptor = -1
    }

    private func ensureFolder(_ folder: String) -> Bool {
        let path = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if lock.withLock({ createdFolders.contains(path) }) { return true }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            guard errno == ENOENT, ensureFolder(URLPath.folder(of: path)), mkdir(path, 0o755) == 0 || errno == EEXIST else {
                record(.cannotCreate(path, Self.lastError()))
                return false
            }
        }
        lock.withLock { _ = createdFolders.insert(path) }
        return true
    }

    private func record(_ failure: Failure) {
        lock.withLock { if firstError == nil { firstError = failure } }
    }

    /// Atomic swap of two folders (Linux `renameat2(RENAME_EXCHANGE)`), falling back to two renames.
    private static func exchange(_ a: String, _ b: String, aside: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        #if os(Linux)
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 { return true }
        }
        #endif
        guard rename(b, aside) == 0 else { return false }
        guard rename(a, b) == 0 else {
            _ = rename(aside, b)
            return false
        }
        return rename(aside, a) == 0
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
