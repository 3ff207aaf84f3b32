import Foundation
import HashiSite
import HashiSupport

/// A `SiteOutput` that keeps the site in memory: what `hashi serve` answers from. A build's files
/// are staged and become the site only when it commits, so a failed build leaves the last good
/// site; a page whose key did not change is carried over without being rendered again.
public final class MemoryOutput: SiteOutput, @unchecked Sendable {  // `staged`, `site` and `failure` change only under `lock`
    struct Entry: Sendable {
        var bytes: [UInt8]
        var key: UInt64
    }

    private let lock = NSLock()
    private var site: [String: Entry] = [:]
    private var staged: [String: Entry] = [:]
    private var failure: OutputFailure?
    private var committed = false
    private var changed = false

    /// True when the last commit made a site that differs from the one before it in any file.
    public var lastCommitChanged: Bool { lock.withLock { changed } }

    /// False until a build commits: there is no site to serve or write before that.
    public var hasSite: Bool { lock.withLock { committed } }

    public init() {}

    /// The files of the last committed site, hashi's own state (`.hashi/`) included.
    public var files: [String: [UInt8]] {
        lock.withLock { site.mapValues(\.bytes) }
    }

    /// One file of the committed site.
    public func file(_ path: String) -> [UInt8]? {
        lock.withLock { site[path]?.bytes }
    }

    /// What the server answers: the committed site.
    public var served: ServedSite { ServedSite(files: files) }

    public func prepare() throws(OutputFailure) {
        lock.withLock {
            staged = [:]
            failure = nil
        }
    }

    public func reuse(_ path: String, key: UInt64) -> Bool {
        lock.withLock {
            guard let entry = site[path], entry.key == key, !path.hasPrefix(OutputWriter.stateFolder + "/") else { return false }
            staged[path] = entry
            return true
        }
    }

    public func readCurrent(_ path: String) -> [UInt8]? {
        lock.withLock { site[path]?.bytes }
    }

    public func keep(_ path: String) -> Bool {
        lock.withLock {
            guard let entry = site[path] else { return false }
            staged[path] = entry
            return true
        }
    }

    public func write(_ path: String, bytes: UnsafeRawBufferPointer, key: UInt64?) {
        let entry = Entry(bytes: Array(bytes), key: key ?? OutputWriter.contentKey(bytes))
        lock.withLock { staged[path] = entry }
    }

    public func copy(from source: String, to path: String) {
        switch FileReader.read(atPath: source) {
        case .success(let bytes): bytes.withUnsafeBytes { write(path, bytes: $0, key: nil) }
        case .failure(let error): lock.withLock { failure = failure ?? .cannotWrite(path, "cannot read \(source): \(error.text)") }
        }
    }

    public func commit() throws(OutputFailure) {
        let failed: OutputFailure? = lock.withLock {
            if let failure { return failure }
            changed = !committed || staged.count != site.count || staged.contains { site[$0.key]?.key != $0.value.key }
            site = staged
            staged = [:]
            committed = true
            return nil
        }
        if let failed { throw failed }
    }

    public func abort() {
        lock.withLock { staged = [:] }
    }

    /// Writes the site in memory to a folder as a build would (`--write`, or when serve ends), with
    /// `extra` files (hashi's cache, which the session keeps apart).
    public func write(to outputDirectory: String, extra: [String: [UInt8]] = [:]) throws(OutputFailure) {
        var entries = lock.withLock { site }
        for (path, bytes) in extra {
            entries[path] = Entry(bytes: bytes, key: bytes.withUnsafeBytes { OutputWriter.contentKey($0) })
        }
        let writer = OutputWriter(outputDirectory: outputDirectory)
        try writer.prepare()
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            if !path.hasPrefix(OutputWriter.stateFolder + "/"), writer.reuse(path, key: entry.key) { continue }
            entry.bytes.withUnsafeBytes { writer.write(path, bytes: $0, key: entry.key) }
        }
        try writer.commit()
    }
}
