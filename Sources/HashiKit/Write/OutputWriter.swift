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
/// After the swap `site/` holds the previous site, and it is kept: the next build writes over its
/// files and deletes those it did not write, which is much cheaper than making every file anew.
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
    /// Paths written by this build, so what is left of an earlier site in staging can be pruned.
    private var writtenFiles: Set<String> = []
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
        // An earlier site (or what a killed build left) is written over; commit() prunes the rest.
        guard mkdir(stagingDirectory, 0o755) == 0 || Self.isFolder(stagingDirectory) else {
            throw .cannotCreate(stagingDirectory, Self.lastError())
        }
        createdFolders = [stagingDirectory]
        writtenFiles = []
    }

    /// Writes one file of the site; safe to call from many threads at once.
    public func write(_ path: String, contents: String) {
        var text = contents
        text.withUTF8 { write(path, bytes: UnsafeRawBufferPointer($0)) }
    }

    public func write(_ path: String, bytes: UnsafeRawBufferPointer) {
        let full = stagingDirectory + "/" + path
        guard ensureFolder(URLPath.folder(of: full)) else { return }
        lock.withLock { _ = writtenFiles.insert(path) }
        var fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EISDIR {
            // An earlier site had a folder where this build writes a file.
            try? FileManager.default.removeItem(atPath: full)
            fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
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
        pruneStaging()
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

    /// Lets go of the lock; the staging site stays for the next build to write over.
    private func release() {
        guard lockDescriptor >= 0 else { return }
        close(lockDescriptor)
        lockDescriptor = -1
    }

    /// Deletes what an earlier site left in staging that this build did not write, and empty folders.
    private func pruneStaging() {
        let written = lock.withLock { writtenFiles }
        func prune(_ folder: String, relative: String) -> Bool {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
            var empty = true
            for name in names {
                let path = folder + "/" + name
                let child = relative.isEmpty ? name : relative + "/" + name
                if Self.isFolder(path) {
                    if prune(path, relative: child) { rmdir(path) } else { empty = false }
                } else if written.contains(child) {
                    empty = false
                } else {
                    unlink(path)
                }
            }
            return empty
        }
        _ = prune(stagingDirectory, relative: "")
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func ensureFolder(_ folder: String) -> Bool {
        let path = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if lock.withLock({ createdFolders.contains(path) }) || Self.isFolder(path) {
            lock.withLock { _ = createdFolders.insert(path) }
            return true
        }
        unlink(path)  // an earlier site may have a file where this build needs a folder
        if mkdir(path, 0o755) != 0 && !Self.isFolder(path) {
            guard errno == ENOENT, ensureFolder(URLPath.folder(of: path)), mkdir(path, 0o755) == 0 || Self.isFolder(path) else {
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
