import Foundation
import HashiContent
import HashiSupport

/// Stage 6: puts the site in the output folder so that a failed or killed build never leaves a
/// half-written site, and a rebuild writes only the files that changed.
///
/// Beside the output, `<output>.hashi-staging/` holds a lock file, held with `flock` for the whole
/// build so two builds into one output cannot mix (the kernel lets go of it when a build dies),
/// and what a build writes before it is put in place:
///
/// - Into an output that holds no site of hashi's yet (a first build), the whole site is written
///   into `site/` there and renamed (or atomically swapped) into place.
/// - Into an output hashi made, the site is changed in place. Each site carries `.hashi/manifest`:
///   a key for every file, the hash of its bytes or, for a page, of everything it was made from. A
///   file whose key has not changed is left as it is; a changed or new one is written into
///   `pending/`. At the end a journal (`OutputJournal`) lists the moves of the pending files into
///   the output and the files to delete; once it is in place the build is decided, and its moves
///   are made. A build killed before that leaves the output as it was; one killed while moving
///   leaves the journal, which the next build (or anything that writes this output) completes
///   before it starts. A file of the output is never written into: a new one replaces it by rename.
///
/// Files are written with plain POSIX calls: Foundation's writes fsync every file on Linux.
public final class OutputWriter: SiteOutput, @unchecked Sendable {  // shared state under `lock`; the lock file only in prepare, commit, abort, which run alone
    public typealias Failure = OutputFailure

    /// The folder hashi keeps inside every output it makes (its marker, later its build state).
    public static let stateFolder = String(GeneratedOutputs.stateFolder.dropLast())  // ".hashi"
    /// Files a repository may keep in an otherwise empty output folder, carried over to each build.
    static let placeholders: Set<String> = [".gitkeep"]
    public static let manifestPath = stateFolder + "/manifest"

    public let outputDirectory: String
    /// `<output>.hashi-staging`: the lock file, and what this build writes before it is put in place.
    public let stagingRoot: String
    /// Where a first build writes the whole site before it is renamed into place.
    public let stagingDirectory: String
    /// Where a rebuild writes the files that changed before the journal moves them into place.
    let pendingDirectory: String
    /// The output as given, when it is a symbolic link (`site` → `www/current`): the site is put in
    /// place at the link's target, and the link itself is left as it is.
    public let outputLink: String?

    private var lockDescriptor: Int32 = -1
    private let lock = NSLock()
    /// True when the output holds a site hashi made (it has a manifest): it is changed in place.
    private var inPlace = false
    private var createdFolders: Set<String> = []
    /// The key of every file of the new site.
    private var keys: [String: UInt64] = [:]
    /// The keys of the site in the output folder, from its manifest.
    private var currentKeys: [String: UInt64] = [:]
    /// In place: each changed or new file of the new site, by the name of its pending copy.
    private var pending: [String: String] = [:]
    private var firstError: Failure?
    /// Files this build did not have to write, because the same were in place.
    public private(set) var reusedCount = 0

    public init(outputDirectory: String) {
        let location = OutputLocation(outputDirectory)
        self.outputLink = location.link
        self.outputDirectory = location.directory
        self.stagingRoot = location.stagingRoot
        self.stagingDirectory = stagingRoot + "/site"
        self.pendingDirectory = stagingRoot + "/pending"
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// Refuses an output folder that holds something hashi did not make; takes the lock, completes
    /// what a killed build left in its journal, and decides between writing in place and anew.
    public func prepare() throws(Failure) {
        if let outputLink, outputLink == outputDirectory {
            throw .cannotCreate(outputLink, "it is a symbolic link to a folder that does not exist; create that folder, or remove the link")
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: outputDirectory) {
            let isOurs = names.contains(Self.stateFolder) || names.allSatisfy { Self.placeholders.contains($0) }
            guard isOurs else { throw .foreignOutput(outputDirectory) }
        }
        try takeLock()
        if let failure = journal.complete() {
            release()
            throw failure
        }
        // What an earlier build left here (a killed build's files, or the previous site older hashi kept) is not needed.
        for folder in [stagingDirectory, pendingDirectory] where FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.removeItem(atPath: folder)
        }
        keys = [:]
        pending = [:]
        let manifest = Self.readManifest(outputDirectory + "/" + Self.manifestPath)
        currentKeys = manifest ?? [:]
        inPlace = manifest != nil
        let folder = inPlace ? pendingDirectory : stagingDirectory
        guard mkdir(folder, 0o755) == 0 else {
            let reason = Self.lastError()
            release()
            throw .cannotCreate(folder, reason)
        }
        createdFolders = [folder]
    }

    private func takeLock() throws(Failure) {
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
    }

    var journal: OutputJournal {
        OutputJournal(outputDirectory: outputDirectory, stagingRoot: stagingRoot, pendingDirectory: pendingDirectory)
    }

    /// True when the file `path` with this key is in the output already and stays as it is.
    /// hashi's own state is always written anew: it is read back, so it must be what hashi wrote.
    public func reuse(_ path: String, key: UInt64) -> Bool {
        guard inPlace, currentKeys[path] == key, !path.hasPrefix(Self.stateFolder + "/"), Self.isFile(outputDirectory + "/" + path) else {
            return false
        }
        lock.withLock {
            keys[path] = key
            reusedCount += 1
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
        let full: String
        if inPlace {
            let name = lock.withLock {
                let name = pending[path] ?? String(pending.count)
                pending[path] = name
                keys[path] = key
                return name
            }
            full = pendingDirectory + "/" + name
        } else {
            full = stagingDirectory + "/" + path
            guard ensureFolder(URLPath.folder(of: full)) else { return }
            lock.withLock { keys[path] = key }
        }
        if let failure = Self.writeFile(full, bytes: bytes) { record(.cannotWrite(path, failure)) }
    }

    /// Creates (or truncates) `path` and writes `bytes` into it; the system's reason when it cannot.
    static func writeFile(_ path: String, bytes: UnsafeRawBufferPointer) -> String? {
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EISDIR {
            // A killed build left a folder where this build writes a file.
            try? FileManager.default.removeItem(atPath: path)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return lastError() }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Platform.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return lastError()
            }
            offset += written
        }
        return nil
    }

    public func copy(from source: String, to path: String) {
        let bytes: [UInt8]
        switch FileReader.read(atPath: source) {
        case .success(let read): bytes = read
        case .failure(let failure): return record(.cannotWrite(path, "cannot read \(source): \(failure.text)"))
        }
        bytes.withUnsafeBytes { write(path, bytes: $0) }
    }

    /// Marks the site as hashi's and puts it in place: moved in by the journal, or renamed in whole.
    public func commit() throws(Failure) {
        if let error = lock.withLock({ firstError }) {
            abort()
            throw error
        }
        write(Self.stateFolder + "/marker", contents: "This folder was written by hashi; it replaces it on each build.\n")
        let oldNames = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
        for name in oldNames where Self.placeholders.contains(name) {
            if !keep(name) { copy(from: outputDirectory + "/" + name, to: name) }
        }
        writeManifest()
        if let error = lock.withLock({ firstError }) {
            abort()
            throw error
        }
        if inPlace {
            try moveIn()
        } else {
            try swapIn()
        }
        release()
    }

    /// In place: the journal of this build's moves and deletions, written whole, then carried out.
    private func moveIn() throws(Failure) {
        let (written, moves) = lock.withLock { (keys, pending) }
        var steps = moves.filter { $0.key != Self.manifestPath }.sorted { $0.key < $1.key }
            .map { OutputJournal.Step.move(pending: $0.value, path: $0.key) }
        steps += currentKeys.keys.filter { written[$0] == nil }.sorted().map { OutputJournal.Step.delete($0) }
        // The manifest goes in last: until then the output's manifest still describes files in place.
        if let manifest = moves[Self.manifestPath] { steps.append(.move(pending: manifest, path: Self.manifestPath)) }
        if let failure = journal.makeRoom(for: steps) ?? journal.write(steps) {
            abort()
            throw failure
        }
        if let failure = journal.complete() {
            release()
            throw failure
        }
    }

    /// A first build: the staging site renamed into place, or swapped with an output that holds no site yet.
    private func swapIn() throws(Failure) {
        if FileManager.default.fileExists(atPath: outputDirectory) {
            guard Self.exchange(stagingDirectory, outputDirectory, aside: stagingRoot + "/old") else {
                let reason = Self.lastError()
                abort()
                throw .cannotSwap(outputDirectory, reason)
            }
            try? FileManager.default.removeItem(atPath: stagingDirectory)  // what the output held: placeholders, or a site without a manifest
        } else if rename(stagingDirectory, outputDirectory) != 0 {
            let reason = Self.lastError()
            abort()
            throw .cannotSwap(outputDirectory, reason)
        }
    }

    /// Keeps `bytes` beside the output as `<output>.hashi-staging/<name>`, replaced whole.
    public func keepBeside(_ name: String, bytes: [UInt8]) {
        let path = stagingRoot + "/" + name
        let temporary = path + ".new"
        if bytes.withUnsafeBytes({ Self.writeFile(temporary, bytes: $0) }) != nil || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Gives up: what this build wrote is removed (a full disk gets its space back), and the
    /// output is left as it was. A build that never held the lock touches nothing.
    public func abort() {
        guard lockDescriptor >= 0 else { return }
        try? FileManager.default.removeItem(atPath: inPlace ? pendingDirectory : stagingDirectory)
        release()
    }

    /// Lets go of the lock.
    private func release() {
        guard lockDescriptor >= 0 else { return }
        close(lockDescriptor)
        lockDescriptor = -1
    }

    /// `<key> <path>` a line, in path order, so the same site has the same manifest.
    private func writeManifest() {
        var written = lock.withLock { keys }
        written[Self.manifestPath] = nil
        var text = ""
        for path in written.keys.sorted() {
            let hex = String(written[path]!, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex + " " + path + "\n"
        }
        // Written as any file, but never reused: it is hashi's state.
        write(Self.manifestPath, contents: text, key: 0)
        lock.withLock { keys[Self.manifestPath] = nil }
    }

    package static func readManifest(_ path: String) -> [String: UInt64]? {
        guard let bytes = FileReader.bytes(atPath: path) else { return nil }
        var keys: [String: UInt64] = [:]
        keys.reserveCapacity(bytes.count / 48)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { start = end + 1 }
            if end == start { continue }
            // `<16 hex digits> <path>`
            guard end - start > 17, bytes[start + 16] == UInt8(ascii: " ") else { return nil }
            var key: UInt64 = 0
            for byte in bytes[start..<(start + 16)] {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): key = key << 4 | UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): key = key << 4 | UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): key = key << 4 | UInt64(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
            }
            keys[String(decoding: bytes[(start + 17)..<end], as: UTF8.self)] = key
        }
        return keys
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private func ensureFolder(_ folder: String) -> Bool {
        // By bytes: `dropLast()` of a `String` counts its characters from the start.
        let path = folder.hasSuffix("/") ? String(decoding: folder.utf8.dropLast(), as: UTF8.self) : folder
        if lock.withLock({ createdFolders.contains(path) }) { return true }
        if mkdir(path, 0o755) != 0 {
            guard errno == ENOENT || (errno == EEXIST && Self.isFolder(path)) else {
                record(.cannotCreate(path, Self.lastError()))
                return false
            }
            if errno == ENOENT {
                guard ensureFolder(URLPath.folder(of: path)), mkdir(path, 0o755) == 0 || Self.isFolder(path) else {
                    record(.cannotCreate(path, Self.lastError()))
                    return false
                }
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

    static func lastError() -> String { Platform.lastError }
}
