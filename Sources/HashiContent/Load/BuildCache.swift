import Foundation
import HashiSupport

/// What earlier builds worked out from each source file, kept in the output's `.hashi/cache`: its
/// front matter (with the diagnostics reading it gave) and a summary of its parsed Markdown, each
/// under a hash of everything it was made from. An edited file misses and is read again; for the
/// rest the summary is enough unless its page is rendered or indexed anew.
///
/// Only entries used by this build are written back, so the file follows the content. Any change
/// to the format bumps `version`; a file of another version, or one cut short, is ignored whole.
public final class BuildCache: @unchecked Sendable {  // the entries are read and written under `lock`
    public static let path = ".hashi/cache"
    static let magic = "hashi-cache"
    static let version = 4

    private let lock = NSLock()
    private var earlierFrontMatter: [UInt64: FrontMatterEntry] = [:]
    private var earlierDocuments: [UInt64: DocumentSummary] = [:]
    private var usedFrontMatter: [UInt64: FrontMatterEntry] = [:]
    private var usedDocuments: [UInt64: DocumentSummary] = [:]
    private var earlierLinks: [UInt64: PageLinks] = [:]
    private var usedLinks: [UInt64: PageLinks] = [:]
    /// Markdown files parsed anew this build (cache misses), for the tests.
    public private(set) var misses = 0

    typealias FrontMatterEntry = (frontMatter: FrontMatter?, diagnostics: [Diagnostic])

    /// The content folder as diagnostics name it: paths under it are kept relative in the file,
    /// so the cache holds no absolute path and reads the same wherever the content is.
    private let contentFolder: String

    /// An empty cache: every source is read and parsed.
    public init(contentFolder: String = "") {
        self.contentFolder = contentFolder
    }

    /// The cache an earlier build left in `outputDirectory`, or an empty one.
    public convenience init(outputDirectory: String, contentFolder: String) {
        self.init(contentFolder: contentFolder)
        guard let data = FileReader.bytes(atPath: outputDirectory + "/" + Self.path) else { return }
        var reader = ByteReader(Array(data))
        do throws(ByteReader.Malformed) {
            guard try reader.string() == Self.magic, try reader.int() == Self.version else { return }
            let frontMatter = try reader.array { reader throws(ByteReader.Malformed) in
                (try reader.uint64(), try Self.readFrontMatterEntry(&reader))
            }
            let documents = try reader.array { reader throws(ByteReader.Malformed) in
                (try reader.uint64(), try Self.readDocument(&reader))
            }
            let links = try reader.array { reader throws(ByteReader.Malformed) in
                (try reader.uint64(), try Self.readLinks(&reader))
            }
            guard reader.isAtEnd else { return }
            earlierLinks = Dictionary(links.map { ($0, relocated($1, restore: true)) }, uniquingKeysWith: { first, _ in first })
            earlierFrontMatter = Dictionary(frontMatter.map { ($0, relocated($1, restore: true)) }, uniquingKeysWith: { first, _ in first })
            earlierDocuments = Dictionary(documents.map { ($0, relocated($1, restore: true)) }, uniquingKeysWith: { first, _ in first })
        } catch {
            return
        }
    }

    /// The cache for the next build of a long-lived session (`hashi serve`), without the round trip
    /// through bytes: the entries this build used, and after a failed build those it started with too.
    public func carriedOver(keepingEarlier: Bool) -> BuildCache {
        let next = BuildCache(contentFolder: contentFolder)
        lock.withLock {
            next.earlierFrontMatter = keepingEarlier ? earlierFrontMatter.merging(usedFrontMatter) { $1 } : usedFrontMatter
            next.earlierDocuments = keepingEarlier ? earlierDocuments.merging(usedDocuments) { $1 } : usedDocuments
            next.earlierLinks = keepingEarlier ? earlierLinks.merging(usedLinks) { $1 } : usedLinks
        }
        return next
    }

    /// The front matter of `yaml` in `file`, read by `parse` only when no earlier build read the same.
    func frontMatter(yaml: String, file: String, parse: () -> FrontMatterEntry) -> FrontMatterEntry {
        let key = StableHasher.hash("front matter", String(Self.version), file, yaml)
        let found = lock.withLock { earlierFrontMatter[key] }
        let entry = found ?? parse()
        lock.withLock { usedFrontMatter[key] = entry }
        return entry
    }

    /// The parsed body of `source` (its Markdown is `markdown`): the summary an earlier build kept
    /// when it parsed the same, else the whole document made by `parse`. Either way it carries its key.
    package func document(of source: SourceFile, markdown: String, options: String, parse: () -> ParsedDocument) -> DocumentStore.Entry {
        // The HTML and text do not depend on where the content folder is, so neither does the key
        // pages and search use; the cache's own key adds the path its diagnostics name.
        let contentKey = StableHasher.hash("document", String(Self.version), options, String(source.bodyStartLine), markdown)
        let key = StableHasher.hash(String(contentKey), source.displayPath)
        if let found = lock.withLock({ earlierDocuments[key] }) {
            lock.withLock { usedDocuments[key] = found }
            return .summary(found)
        }
        var made = parse()
        made.key = contentKey
        lock.withLock {
            usedDocuments[key] = made.facts
            misses += 1
        }
        return .whole(made)
    }

    /// A page's links as an earlier build resolved them under the same `key`, when `holds` says they
    /// still do; else resolved now by `resolve`.
    package func links(key: UInt64, holds: (PageLinks) -> Bool, resolve: () -> PageLinks) -> PageLinks {
        let earlier = lock.withLock { earlierLinks[key] }
        let links = earlier.flatMap { holds($0) ? $0 : nil } ?? resolve()
        lock.withLock { usedLinks[key] = links }
        return links
    }

    /// The entries this build used, in key order so the same content gives the same file.
    public func encoded() -> [UInt8] {
        lock.withLock {
            var writer = ByteWriter()
            writer.write(Self.magic)
            writer.write(Self.version)
            writer.write(usedFrontMatter.keys.sorted()) { writer, key in
                writer.write(key)
                Self.write(relocated(usedFrontMatter[key]!, restore: false), to: &writer)
            }
            writer.write(usedDocuments.keys.sorted()) { writer, key in
                writer.write(key)
                Self.write(relocated(usedDocuments[key]!, restore: false), to: &writer)
            }
            writer.write(usedLinks.keys.sorted()) { writer, key in
                writer.write(key)
                Self.write(relocated(usedLinks[key]!, restore: false), to: &writer)
            }
            return writer.bytes
        }
    }

    // MARK: - Paths kept relative to the content folder

    /// A file name as the cache keeps it (`restore: false`: `\u{1}` and the path under the
    /// content folder) or as diagnostics show it (`restore: true`).
    private func relocated(_ file: String, restore: Bool) -> String {
        let marker = "\u{1}"
        if restore {
            return file.hasPrefix(marker) ? contentFolder + "/" + file.dropFirst(marker.count) : file
        }
        return file.hasPrefix(contentFolder + "/") ? marker + file.dropFirst(contentFolder.count + 1) : file
    }

    private func relocated(_ diagnostics: [Diagnostic], restore: Bool) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.file = relocated(diagnostic.file, restore: restore)
            return moved
        }
    }

    private func relocated(_ entry: FrontMatterEntry, restore: Bool) -> FrontMatterEntry {
        (entry.frontMatter, relocated(entry.diagnostics, restore: restore))
    }

    private func relocated(_ document: DocumentSummary, restore: Bool) -> DocumentSummary {
        var moved = document
        moved.links = document.links.map { link in
            var link = link
            link.location.file = relocated(link.location.file, restore: restore)
            return link
        }
        moved.diagnostics = relocated(document.diagnostics, restore: restore)
        return moved
    }

    private func relocated(_ links: PageLinks, restore: Bool) -> PageLinks {
        var moved = links
        moved.diagnostics = relocated(links.diagnostics, restore: restore)
        return moved
    }

    // MARK: - The format of each value

    private static func write(_ entry: FrontMatterEntry, to writer: inout ByteWriter) {
        writer.write(entry.frontMatter != nil)
        entry.frontMatter?.write(to: &writer)
        write(entry.diagnostics, to: &writer)
    }

    private static func write(_ diagnostics: [Diagnostic], to writer: inout ByteWriter) {
        writer.write(diagnostics) { writer, diagnostic in
            writer.write(diagnostic.file)
            writer.write(diagnostic.line)
            writer.write(diagnostic.column)
            writer.write(diagnostic.severity == .error)
            writer.write(diagnostic.code)
            writer.write(diagnostic.message)
        }
    }

    private static func readDiagnostics(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> [Diagnostic] {
        try reader.array { reader throws(ByteReader.Malformed) in
            Diagnostic(file: try reader.string(), line: try reader.int(), column: try reader.int(),
                       severity: try reader.bool() ? .error : .warning, code: try reader.string(), message: try reader.string())
        }
    }

    private static func readFrontMatterEntry(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> FrontMatterEntry {
        let front = try reader.bool() ? try FrontMatter.read(from: &reader) : nil
        return (front, try readDiagnostics(&reader))
    }

    private static func write(_ document: DocumentSummary, to writer: inout ByteWriter) {
        writer.write(document.headings) { writer, heading in
            writer.write(heading.level)
            writer.write(heading.text)
            writer.write(heading.id)
            writer.write(heading.line)
        }
        writer.write(document.links) { writer, link in
            writer.write(link.destination)
            writer.write(link.isImage)
            writer.write(link.location.file)
            writer.write(link.location.line)
            writer.write(link.location.column)
        }
        writer.write(document.summary)
        writer.write(document.textLength)
        writer.write(document.key)
        write(document.diagnostics, to: &writer)
    }

    private static func readDocument(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> DocumentSummary {
        let headings = try reader.array { reader throws(ByteReader.Malformed) in
            Heading(level: try reader.int(), text: try reader.string(), id: try reader.string(), line: try reader.int())
        }
        let links = try reader.array { reader throws(ByteReader.Malformed) in
            LinkReference(destination: try reader.string(), isImage: try reader.bool(),
                          location: SourceLocation(file: try reader.string(), line: try reader.int(), column: try reader.int()))
        }
        return DocumentSummary(headings: headings, links: links, summary: try reader.string(),
                              textLength: try reader.int(), key: try reader.uint64(), diagnostics: try readDiagnostics(&reader))
    }

    private static func write(_ links: PageLinks, to writer: inout ByteWriter) {
        writer.write(links.links) { writer, link in
            switch link {
            case .local(let href):
                writer.write(0)
                writer.write(href)
            case .external(let href):
                writer.write(1)
                writer.write(href)
            case .removed:
                writer.write(2)
            }
        }
        write(links.diagnostics, to: &writer)
        writer.write(links.anchorPages) { writer, page in
            writer.write(page.url)
            writer.write(page.headings)
        }
    }

    private static func readLinks(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> PageLinks {
        let links = try reader.array { reader throws(ByteReader.Malformed) -> ResolvedLink in
            switch try reader.int() {
            case 0: return .local(try reader.string())
            case 1: return .external(try reader.string())
            case 2: return .removed
            default: throw ByteReader.Malformed()
            }
        }
        let diagnostics = try readDiagnostics(&reader)
        let anchorPages = try reader.array { reader throws(ByteReader.Malformed) in (url: try reader.string(), headings: try reader.uint64()) }
        return PageLinks(links: links, diagnostics: diagnostics, anchorPages: anchorPages)
    }
}
