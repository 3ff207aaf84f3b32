import Foundation
import HashiContent
import HashiSupport

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
/// Each site carries `.hashi/manifest`: a key for every file, the hash of its bytes or, for a page,
/// of everything it was made from. A file whose key has not changed is not made again: it is
/// already in `site/`, or it is hard-linked there from the output. A file shared that way is never
/// written into; it is unlinked first, so the output being served is never touched.
///
/// Files are written with plain POSIX calls: Foundation's writes fsync every file on Linux.
public final class OutputWriter: SiteOutput, @unchecked Sendable {  // shared state under `lock`; the lock file only in prepare, commit, abort, which run alone
    public typealias Failure = OutputFailure

    /// The folder hashi keeps inside every output it makes (its marker, later its build state).
    public static let stateFolder = String(GeneratedOutputs.stateFolder.dropLast())  // ".hashi"
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
    /// The key of every file of the new site, so what is left of an earlier site in staging can be pruned.
    private var keys: [String: UInt64] = [:]
    /// The keys of the site in the output folder, and of the one left in staging (nil when unknown:
    /// a build was killed while writing it).
    private var currentKeys: [String: UInt64] = [:]
    private var stagedKeys: [String: UInt64]?
    /// True when the staging folder was made empty by this build: nothing in it to prune, and
    /// nothing shared with the output until this build links something (`hasLinked`).
    private var stagingIsNew = false
    private var hasLinked = false
    private var firstError: Failure?
    /// Files this build did not have to write, because the same were in place.
    public private(set) var reusedCount = 0

    public static let manifestPath = stateFolder + "/manifest"

    /// The output as given, when it is a symbolic link (`site` → `www/current`): the site is put in
    /// place at the link's target, and the link itself is left as it is.
    public let outputLink: String?

    public init(outputDirectory: String) {
        let trimmed = outputDirectory.count > 1 && outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
        var info = stat()
        let isLink = lstat(trimmed, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        let target = isLink ? DirectoryWalker.realPath(trimmed) : nil
        self.outputLink = isLink ? trimmed : nil
        self.outputDirectory = target ?? trimmed
        self.stagingRoot = self.outputDirectory + ".hashi-staging"
        self.stagingDirectory = stagingRoot + "/site"
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// Refuses an output folder that holds something hashi did not make; creates the staging folder.
    public func prepare() throws(Failure) {
        if let outputLink, outputLink == outputDirectory {
            throw .cannotCreate(outputLink, "it is a symbolic link to a folder that does not exist; create that folder, or remove the link")
        }
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
        stagingIsNew = mkdir(stagingDirectory, 0o755) == 0
        guard stagingIsNew || Self.isFolder(stagingDirectory) else {
            throw .cannotCreate(stagingDirectory, Self.lastError())
        }
        createdFolders = [stagingDirectory]
        keys = [:]
        currentKeys = Self.readManifest(outputDirectory + "/" + Self.manifestPath) ?? [:]
        // Staging is about to change: until commit() writes its new manifest, nothing in it is known.
        stagedKeys = Self.readManifest(stagingDirectory + "/" + Self.manifestPath)
        unlink(stagingDirectory + "/" + Self.manifestPath)
    }

    /// True when the file `path` with this key is in the new site already: left in staging by an
    /// earlier build, or hard-linked from the output now. The caller then need not make it.
    public func reuse(_ path: String, key: UInt64) -> Bool {
        if stagedKeys?[path] == key {
            lock.withLock {
                keys[path] = key
                reusedCount += 1
            }
            return true
        }
        // hashi's own state is always written anew: it is read back, so it must be what hashi wrote.
        guard currentKeys[path] == key, !path.hasPrefix(Self.stateFolder + "/") else { return false }
        let full = stagingDirectory + "/" + path
        guard ensureFolder(URLPath.folder(of: full)) else { return false }
        let source = outputDirectory + "/" + path
        if link(source, full) != 0 {
            // Something of an earlier site is in the way: a file, or a folder where this build has a file.
            guard errno == EEXIST else { return false }
            if Self.isFolder(full) { try? FileManager.default.removeItem(atPath: full) } else { unlink(full) }
            guard link(source, full) == 0 else { return false }
        }
        lock.withLock {
            keys[path] = key
            reusedCount += 1
            hasLinked = true
        }
        return true
    }

    /// The bytes of a file of the output site as the build that wrote it left them, or nil.
    public func readCurrent(_ path: String) -> [UInt8]? {
        guard let key = currentKeys[path], let data = FileReader.bytes(atPath: outputDirectory + "/" + path) else { return nil }
        let bytes = Array(data)
        return bytes.withUnsafeBytes { Self.contentKey($0) } == key ? bytes : nil
    }

    /// Carries the file `path` of the output site over to the new site unchanged.
    public func keep(_ path: String) -> Bool {
        guard let key = currentKeys[path] else { return false }
        return reuse(path, key: key)
    }

    /// The key of a file that is only its bytes.
    package static func contentKey(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    /// Writes one file of the site; safe to call from many threads at once. `key` says what the file
    /// was made from (a page's inputs); without one, the bytes themselves are the key.
    public func write(_ path: String, bytes: UnsafeRawBufferPointer, key: UInt64?) {
        let key = key ?? Self.contentKey(bytes)
        if reuse(path, key: key) { return }
        let full = stagingDirectory + "/" + path
        guard ensureFolder(URLPath.folder(of: full)) else { return }
        let mayBeShared = lock.withLock {
            keys[path] = key
            return !stagingIsNew || hasLinked
        }
        var info = stat()
        if mayBeShared && lstat(full, &info) == 0 && info.st_nlink > 1 {
            unlink(full)  // shared with the output: never write through the link
        }
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
            let written = Platform.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return record(.cannotWrite(path, Self.lastError()))
            }
            offset += written
        }
    }

    public func copy(from source: String, to path: String) {
        let bytes: [UInt8]
        switch FileReader.read(atPath: source) {
        case .success(let read): bytes = read
        case .failure(let failure): return record(.cannotWrite(path, "cannot read \(source): \(failure.text)"))
        }
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
        writeManifest()
        if let error = lock.withLock({ firstError }) {
            abort()
            throw error
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
    /// Gives up: what this build wrote in staging is removed (a full disk gets its space back), and
    /// the output is left as it was. A build that never held the lock touches nothing.
    public func abort() {
        guard lockDescriptor >= 0 else { return }
        try? FileManager.default.removeItem(atPath: stagingDirectory)
        release()
    }

    /// Lets go of the lock; the staging site stays for the next build to write over.
    private func release() {
        guard lockDescriptor >= 0 else { return }
        close(lockDescriptor)
        lockDescriptor = -1
    }

    /// Deletes what an earlier site left in staging that this build did not write, and empty
    /// folders: by the staging manifest when there is one, else by walking the folder.
    private func pruneStaging() {
        guard !stagingIsNew else { return }
        let written = lock.withLock { keys }
        if let staged = stagedKeys {
            for path in staged.keys where written[path] == nil {
                let full = stagingDirectory + "/" + path
                unlink(full)
                var folder = URLPath.folder(of: full)
                while folder.count > stagingDirectory.count + 1, rmdir(String(folder.dropLast())) == 0 {
                    folder = URLPath.folder(of: String(folder.dropLast()))
                }
            }
            return
        }
        func prune(_ folder: String, relative: String) -> Bool {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
            var empty = true
            for name in names {
                let path = folder + "/" + name
                let child = relative.isEmpty ? name : relative + "/" + name
                if Self.isFolder(path) {
                    if prune(path, relative: child) { rmdir(path) } else { empty = false }
                } else if written[child] != nil {
                    empty = false
                } else {
                    unlink(path)
                }
            }
            return empty
        }
        _ = prune(stagingDirectory, relative: "")
    }

    /// `<key> <path>` a line, in path order, so the same site has the same manifest.
    private func writeManifest() {
        let written = lock.withLock { keys }
        var text = ""
        for path in written.keys.sorted() {
            let hex = String(written[path]!, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex + " " + path + "\n"
        }
        let full = stagingDirectory + "/" + Self.manifestPath
        unlink(full)
        var bytes = Array(text.utf8)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return record(.cannotWrite(Self.manifestPath, Self.lastError())) }
        defer { close(fd) }
        if Platform.write(fd, &bytes, bytes.count) != bytes.count {
            record(.cannotWrite(Self.manifestPath, Self.lastError()))
        }
    }

    package static func readManifest(_ path: String) -> [String: UInt64]? {
        guard let data = FileReader.bytes(atPath: path) else { return nil }
        var keys: [String: UInt64] = [:]
        for line in Array(data).split(separator: UInt8(ascii: "\n")) {
            guard line.count > 17, let key = UInt64(String(decoding: line.prefix(16), as: UTF8.self), radix: 16) else { return nil }
            keys[String(decoding: line.dropFirst(17), as: UTF8.self)] = key
        }
        return keys
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func ensureFolder(_ folder: String) -> Bool {
        let path = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if lock.withLock({ createdFolders.contains(path) }) { return true }
        if mkdir(path, 0o755) != 0 {
            switch errno {
            case EEXIST where Self.isFolder(path):
                break
            case EEXIST:
                // An earlier site has a file where this build needs a folder.
                unlink(path)
                guard mkdir(path, 0o755) == 0 || Self.isFolder(path) else {
                    record(.cannotCreate(path, Self.lastError()))
                    return false
                }
            case ENOENT:
                guard ensureFolder(URLPath.folder(of: path)), mkdir(path, 0o755) == 0 || Self.isFolder(path) else {
                    record(.cannotCreate(path, Self.lastError()))
                    return false
                }
            default:
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

    /// Atomic swap of two folders where the system can, else two renames.
    private static func exchange(_ a: String, _ b: String, aside: String) -> Bool {
        if Platform.exchange(a, b) { return true }
        guard rename(b, aside) == 0 else { return false }
        guard rename(a, b) == 0 else {
            _ = rename(aside, b)
            return false
        }
        return rename(aside, a) == 0
    }

    private static func lastError() -> String { Platform.lastError }
}
