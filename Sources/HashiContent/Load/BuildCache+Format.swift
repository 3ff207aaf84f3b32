import Foundation
import HashiSupport

/// `.hashi/cache` as bytes (`ByteWriter`): a magic string and `version`, then the front matter,
/// document and link entries, each section in key order so the same content gives the same file,
/// and in parts of a few hundred entries that are read on every core at once; and the stamps of
/// the sources, kept beside the output. Paths under the content folder are kept
/// relative to it.
extension BuildCache {
    /// The cache an earlier build left in `outputDirectory`, or an empty one.
    public convenience init(outputDirectory: String, contentFolder: String) {
        self.init(contentFolder: contentFolder)
        guard let bytes = FileReader.bytes(atPath: outputDirectory + "/" + Self.path) else { return }
        var reader = ByteReader(bytes)
        do throws(ByteReader.Malformed) {
            guard try reader.string() == Self.magic, try reader.int() == Self.version else { return }
            // Each section in parts, read on every core at once.
            var parts: [(section: Int, range: Range<Int>)] = []
            for section in 0..<3 {
                parts += try reader.array { reader throws(ByteReader.Malformed) in (section, try reader.part()) }
            }
            guard reader.isAtEnd else { return }
            let read = parts.concurrentMap { part in self.readPart(section: part.section, of: bytes, range: part.range) }
            var entries = Entries()
            for part in read {
                guard let part else { return }
                entries.merge(part)
            }
            earlier = entries
        } catch {
            return
        }
        readStamps(OutputLocation(outputDirectory).stagingRoot + "/" + Self.stampsName)
    }

    /// Entries a part holds, each of a section keyed by a hash: front matter, documents, links.
    private static let partSize = 256

    private func readPart(section: Int, of bytes: [UInt8], range: Range<Int>) -> Entries? {
        var reader = ByteReader(bytes, range: range)
        var entries = Entries()
        do throws(ByteReader.Malformed) {
            switch section {
            case 0:
                for (key, entry) in try reader.array({ reader throws(ByteReader.Malformed) in (try reader.uint64(), try Self.readFrontMatterEntry(&reader)) }) {
                    entries.frontMatter[key] = relocated(entry, restore: true)
                }
            case 1:
                for (key, entry) in try reader.array({ reader throws(ByteReader.Malformed) in (try reader.uint64(), try Self.readDocument(&reader)) }) {
                    entries.documents[key] = relocated(entry, restore: true)
                }
            default:
                for (key, entry) in try reader.array({ reader throws(ByteReader.Malformed) in (try reader.uint64(), try Self.readLinks(&reader)) }) {
                    entries.links[key] = relocated(entry, restore: true)
                }
            }
            return reader.isAtEnd ? entries : nil
        } catch {
            return nil
        }
    }

    /// `keys` (sorted) in parts of `partSize`, each written by `each` and kept apart by its length.
    private static func writeSection(_ keys: [UInt64], to writer: inout ByteWriter, _ each: (inout ByteWriter, UInt64) -> Void) {
        let starts = Array(stride(from: 0, to: keys.count, by: partSize))
        writer.write(starts.count)
        for start in starts {
            var part = ByteWriter()
            part.write(Array(keys[start..<min(start + partSize, keys.count)]), each)
            writer.writePart(part)
        }
    }

    /// The stamps of the sources the last build into the output read, kept beside it (they are of
    /// this machine, no part of the site): `<output>.hashi-staging/stamps`.
    public static let stampsName = "stamps"

    private func readStamps(_ path: String) {
        guard let data = FileReader.bytes(atPath: path) else { return }
        var reader = ByteReader(Array(data))
        do throws(ByteReader.Malformed) {
            guard try reader.string() == Self.magic + " stamps", try reader.int() == Self.version else { return }
            let files = try reader.array { reader throws(ByteReader.Malformed) in (try reader.string(), try Self.readFile(&reader)) }
            guard reader.isAtEnd else { return }
            earlier.files = Dictionary(files.map { (relocated($0, restore: true), $1) }, uniquingKeysWith: { first, _ in first })
        } catch {
            return
        }
    }

    private func encodeStamps() -> [UInt8] {
        lock.withLock {
            var writer = ByteWriter()
            writer.write(Self.magic + " stamps")
            writer.write(Self.version)
            writer.write(used.files.keys.filter { used.files[$0]!.documentKey != nil }.sorted()) { writer, file in
                writer.write(relocated(file, restore: false))
                Self.write(used.files[file]!, to: &writer)
            }
            return writer.bytes
        }
    }

    /// Starts making the bytes of the cache and of the stamps on another core. Called once no stage
    /// adds to the cache any more (after the Model stage), by a build that writes it.
    public func startEncoding() {
        let work = BackgroundWork { (self.encodeEntries(), self.encodeStamps()) }
        lock.withLock { encoding = work }
    }

    /// The entries this build used, in key order so the same content gives the same file.
    public func encoded() -> [UInt8] {
        lock.withLock { encoding }?.value.0 ?? encodeEntries()
    }

    /// The stamp of each source this build read or knew, with the key of its summary.
    public func encodedStamps() -> [UInt8] {
        lock.withLock { encoding }?.value.1 ?? encodeStamps()
    }

    private func encodeEntries() -> [UInt8] {
        lock.withLock {
            var writer = ByteWriter()
            writer.write(Self.magic)
            writer.write(Self.version)
            Self.writeSection(used.frontMatter.keys.sorted(), to: &writer) { writer, key in
                writer.write(key)
                Self.write(relocated(used.frontMatter[key]!, restore: false), to: &writer)
            }
            Self.writeSection(used.documents.keys.sorted(), to: &writer) { writer, key in
                writer.write(key)
                Self.write(relocated(used.documents[key]!, restore: false), to: &writer)
            }
            Self.writeSection(used.links.keys.sorted(), to: &writer) { writer, key in
                writer.write(key)
                Self.write(relocated(used.links[key]!, restore: false), to: &writer)
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
        guard !document.diagnostics.isEmpty else { return document }
        var moved = document
        moved.diagnostics = relocated(document.diagnostics, restore: restore)
        return moved
    }

    private func relocated(_ links: CachedLinks, restore: Bool) -> CachedLinks {
        guard !links.links.diagnostics.isEmpty else { return links }
        var moved = links
        moved.links.diagnostics = relocated(links.links.diagnostics, restore: restore)
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

    /// A link's file is left out: it is the document's own, which `placed(_:in:)` gives back. So
    /// are the headings' ids, which the parser made from their texts alone (`HeadingSlugger`).
    private static func write(_ document: DocumentSummary, to writer: inout ByteWriter) {
        writer.write(document.headings) { writer, heading in
            writer.write(heading.level)
            writer.write(heading.text)
            writer.write(heading.line)
        }
        writer.write(document.links) { writer, link in
            writer.write(link.destination)
            writer.write(link.isImage)
            writer.write(link.location.line)
            writer.write(link.location.column)
        }
        writer.write(Self.description(of: document.summary))
        writer.write(document.textLength)
        writer.write(document.key)
        write(document.diagnostics, to: &writer)
    }

    /// What is shown of a summary: the text of a whole paragraph is not kept. A text of no more bytes
    /// than that many characters is kept whole without counting them.
    static func description(of summary: String) -> String {
        summary.utf8.count <= DocumentSummary.descriptionLength ? summary : String(summary.prefix(DocumentSummary.descriptionLength))
    }

    private static func readDocument(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> DocumentSummary {
        var slugger = HeadingSlugger()
        let headings = try reader.array { reader throws(ByteReader.Malformed) in
            let level = try reader.int()
            let text = try reader.string()
            return Heading(level: level, text: text, id: slugger.id(for: text), line: try reader.int())
        }
        let links = try reader.array { reader throws(ByteReader.Malformed) in
            LinkReference(destination: try reader.string(), isImage: try reader.bool(),
                          location: SourceLocation(file: "", line: try reader.int(), column: try reader.int()))
        }
        return DocumentSummary(headings: headings, links: links, summary: try reader.string(),
                              textLength: try reader.int(), key: try reader.uint64(), diagnostics: try readDiagnostics(&reader))
    }

    /// The targets (`CachedLinks`), then the diagnostics and the pages anchors were looked up in.
    private static func write(_ links: CachedLinks, to writer: inout ByteWriter) {
        links.write(to: &writer)
        write(links.links.diagnostics, to: &writer)
        writer.write(links.links.anchorPages) { writer, page in
            writer.write(page.url)
            writer.write(page.headings)
        }
    }

    private static func readLinks(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> CachedLinks {
        try CachedLinks.read(&reader) { reader throws(ByteReader.Malformed) in
            let diagnostics = try readDiagnostics(&reader)
            let anchorPages = try reader.array { reader throws(ByteReader.Malformed) in (url: try reader.string(), headings: try reader.uint64()) }
            return PageLinks(links: [], diagnostics: diagnostics, anchorPages: anchorPages)
        }
    }

    private static func write(_ file: FileEntry, to writer: inout ByteWriter) {
        writer.write(file.stamp.device)
        writer.write(file.stamp.inode)
        writer.write(Int(file.stamp.size))
        writer.write(Int(file.stamp.modified))
        writer.write(Int(file.stamp.changed))
        writer.write(file.frontMatterKey)
        writer.write(file.bodyStartLine)
        writer.write(file.documentKey ?? 0)
        writer.write(file.options)
    }

    private static func readFile(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> FileEntry {
        let stamp = FileStamp(device: try reader.uint64(), inode: try reader.uint64(), size: Int64(try reader.int()),
                              modified: Int64(try reader.int()), changed: Int64(try reader.int()))
        return FileEntry(stamp: stamp, frontMatterKey: try reader.uint64(), bodyStartLine: try reader.int(),
                         documentKey: try reader.uint64(), options: try reader.string())
    }
}
