import Foundation
import HashiSupport

/// What earlier builds worked out from each source file, kept in the output's `.hashi/cache`: its
/// front matter (with the diagnostics reading it gave), a summary of its parsed Markdown and its
/// page's resolved links, each under a hash of everything it was made from; and the stamp
/// (`FileStamp`) of each file read, so a file whose stamp has not changed is not even read again.
/// An edited file misses and is read again; for the rest the summary is enough unless its page
/// is rendered or indexed anew.
///
/// Only entries used by this build are written back, so the file follows the content. Any change
/// to the format (`BuildCache+Format.swift`) bumps `version`; a file of another version, or one
/// cut short, is ignored whole.
public final class BuildCache: @unchecked Sendable {  // the entries are read and written under `lock`
    public static let path = ".hashi/cache"
    static let magic = "hashi-cache"
    static let version = 7

    typealias FrontMatterEntry = (frontMatter: FrontMatter?, diagnostics: [Diagnostic])

    /// What a build read from a source file with a given stamp.
    struct FileEntry {
        var stamp: FileStamp
        var frontMatterKey: UInt64
        var bodyStartLine: Int
        /// The key its summary is cached under, and the parser's options then; nil until it is parsed.
        var documentKey: UInt64?
        var options = ""
    }

    /// Every kind of entry, by key (files by the path diagnostics name them by).
    struct Entries {
        var frontMatter: [UInt64: FrontMatterEntry] = [:]
        var documents: [UInt64: DocumentSummary] = [:]
        var links: [UInt64: CachedLinks] = [:]
        var files: [String: FileEntry] = [:]
        /// The key of each source's summary and the parser's options, by file, in memory only: what
        /// a session takes for a file its watcher knows unchanged, stamp or not.
        var parsed: [String: (key: UInt64, options: String)] = [:]

        mutating func merge(_ newer: Entries) {
            frontMatter.merge(newer.frontMatter) { $1 }
            documents.merge(newer.documents) { $1 }
            links.merge(newer.links) { $1 }
            files.merge(newer.files) { $1 }
            parsed.merge(newer.parsed) { $1 }
        }

        func merging(_ newer: Entries) -> Entries {
            Entries(frontMatter: frontMatter.merging(newer.frontMatter) { $1 }, documents: documents.merging(newer.documents) { $1 },
                    links: links.merging(newer.links) { $1 }, files: files.merging(newer.files) { $1 },
                    parsed: parsed.merging(newer.parsed) { $1 })
        }
    }

    let lock = NSLock()
    /// What the cache was made with, and what this build has used of it or made.
    var earlier = Entries()
    var used = Entries()
    /// In a long-lived session, the model of the last build (`SiteModel`), for the next; never written.
    var model: SiteModel? {
        get { lock.withLock { lastModel } }
        set { lock.withLock { lastModel = newValue } }
    }
    private var lastModel: SiteModel?
    /// The bytes of the cache and of the stamps, when `startEncoding` made them on another core.
    var encoding: BackgroundWork<([UInt8], [UInt8])>?
    /// Markdown files parsed anew this build (cache misses), and files not read because their
    /// stamp was known, for the tests.
    public private(set) var misses = 0
    public private(set) var unchangedFiles = 0

    /// The content folder as diagnostics name it: paths under it are kept relative in the file,
    /// so the cache holds no absolute path and reads the same wherever the content is.
    let contentFolder: String

    /// An empty cache: every source is read and parsed.
    public init(contentFolder: String = "") {
        self.contentFolder = contentFolder
    }

    /// The cache for the next build of a long-lived session (`hashi serve`), without the round trip
    /// through bytes: the entries this build used, and after a failed build those it started with too.
    public func carriedOver(keepingEarlier: Bool) -> BuildCache {
        let next = BuildCache(contentFolder: contentFolder)
        lock.withLock {
            next.earlier = keepingEarlier ? earlier.merging(used) : used
            next.lastModel = lastModel
        }
        return next
    }

    /// The front matter of `yaml` in `file`, read by `parse` only when no earlier build read the
    /// same; with the key it is kept under.
    func frontMatter(yaml: String, file: String, parse: () -> FrontMatterEntry) -> (entry: FrontMatterEntry, key: UInt64) {
        let key = StableHasher.hash("front matter", String(Self.version), file, yaml)
        let found = lock.withLock { earlier.frontMatter[key] }
        let entry = found ?? parse()
        lock.withLock { used.frontMatter[key] = entry }
        return (entry, key)
    }

    /// What an earlier build read from the source `file` when it had this same stamp, or nil.
    func unchangedSource(file: String, stamp: FileStamp) -> (entry: FrontMatterEntry, bodyStartLine: Int)? {
        lock.withLock {
            guard let known = earlier.files[file], known.stamp == stamp, let front = earlier.frontMatter[known.frontMatterKey],
                  let documentKey = known.documentKey, earlier.documents[documentKey] != nil else { return nil }
            used.files[file] = known
            used.frontMatter[known.frontMatterKey] = front
            unchangedFiles += 1
            return (front, known.bodyStartLine)
        }
    }

    /// Keeps what an earlier build knew of source files not read again (a session knows them
    /// unchanged): their stamps, and the summaries they were parsed to.
    func keepFiles(_ files: [String]) {
        lock.withLock {
            for file in files {
                used.parsed[file] = earlier.parsed[file]
                guard let known = earlier.files[file] else { continue }
                used.files[file] = known
                if let front = earlier.frontMatter[known.frontMatterKey] { used.frontMatter[known.frontMatterKey] = front }
            }
        }
    }

    /// Records the stamp of a source file read whole, once its front matter is read.
    func record(file: String, stamp: FileStamp, frontMatterKey: UInt64, bodyStartLine: Int) {
        lock.withLock { used.files[file] = FileEntry(stamp: stamp, frontMatterKey: frontMatterKey, bodyStartLine: bodyStartLine) }
    }

    /// The summary of a source the Load stage did not read (its stamp was known), when it was
    /// parsed with the same options; nil when it must be read and parsed.
    package func knownDocument(of source: SourceFile, options: String) -> DocumentSummary? {
        lock.withLock {
            let stamped = used.files[source.displayPath].flatMap { known in known.documentKey.map { (key: $0, options: known.options) } }
            guard let known = stamped ?? used.parsed[source.displayPath], known.options == options,
                  let found = earlier.documents[known.key] else { return nil }
            used.documents[known.key] = found
            used.parsed[source.displayPath] = known
            return Self.placed(found, in: source)
        }
    }

    /// The parsed body of `source` (its Markdown is `markdown`): the summary an earlier build kept
    /// when it parsed the same, else the whole document made by `parse`. Either way it carries its key.
    package func document(of source: SourceFile, markdown: String, options: String, parse: () -> ParsedDocument) -> DocumentStore.Entry {
        // The HTML and text do not depend on where the content folder is, so neither does the key
        // pages and search use; the cache's own key adds the path its diagnostics name.
        // A page whose front matter has a description never shows its summary: the cache keeps none
        // for it, under a key of its own.
        let contentKey = StableHasher.hash("document", String(Self.version), options, String(source.bodyStartLine), markdown)
        let described = source.frontMatter.description != nil
        let key = StableHasher.hash(String(contentKey), source.displayPath, described ? "described" : "")
        let found: DocumentSummary? = lock.withLock {
            used.files[source.displayPath]?.documentKey = key
            used.files[source.displayPath]?.options = options
            used.parsed[source.displayPath] = (key, options)
            return earlier.documents[key]
        }
        if let found {
            lock.withLock { used.documents[key] = found }
            return .summary(Self.placed(found, in: source))
        }
        var made = parse()
        made.key = contentKey
        var kept = made.facts
        if described { kept.summary = "" }
        lock.withLock {
            used.documents[key] = kept
            misses += 1
        }
        return .whole(made)
    }

    /// A summary as the cache keeps it (its links without their file, which is always the source's) given back its file.
    static func placed(_ summary: DocumentSummary, in source: SourceFile) -> DocumentSummary {
        guard summary.links.first?.location.file != source.displayPath else { return summary }
        var placed = summary
        for index in placed.links.indices { placed.links[index].location.file = source.displayPath }
        return placed
    }

    /// A page's links as an earlier build resolved them under the same `key`, if any; `written` are
    /// the links of its document (which the key stands for).
    func earlierLinks(key: UInt64, written: [LinkReference]) -> PageLinks? {
        lock.withLock { earlier.links[key] }?.whole(written: written)
    }

    /// This build's links of every page, by the same index as their keys and pages.
    func keep(_ links: [PageLinks], keys: [UInt64], pages: [Page]) {
        lock.withLock {
            for index in links.indices { used.links[keys[index]] = CachedLinks(whole: links[index], written: pages[index].document.links) }
        }
    }
}
