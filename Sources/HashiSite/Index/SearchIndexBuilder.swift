import Foundation
import HashiContent
import HashiSupport

/// A page as search sees it: where it is and the text a reader sees.
public struct SearchDocument: Sendable {
    /// Output folder of the page (`en/labor-trafficking/`).
    public var url: String
    public var title: String
    public var headings: [String]
    public var body: String
    public var language: Language

    public init(url: String, title: String, headings: [String], body: String, language: Language) {
        self.url = url
        self.title = title
        self.headings = headings
        self.body = body
        self.language = language
    }

    /// Text of a page past this many bytes is not searched: a reader's browser would have to
    /// load it all to show a snippet, and one huge page should not slow every build.
    public static let bodyLimit = 1 << 20

    /// `texts` gives the page's text.
    init(page: Page, texts: PageSearchText) {
        let text = texts.text(of: page)
        let body = text.utf8.count <= Self.bodyLimit ? text : String(decoding: text.utf8.prefix(Self.bodyLimit), as: UTF8.self)
        self.init(url: page.url, title: page.title, headings: page.document.headings.map(\.text), body: body, language: page.language)
    }
}

/// How one language's index is cut into files, worked out from its number of pages alone. The
/// search page carries it (`data-index`), so a query asks for its postings straight away, and
/// the files stay fewer than a quarter of the pages: a host that counts files takes the site.
public struct SearchLayout: Sendable, Equatable {
    /// Pages whose texts share one file: the ten results of a query load about ten of them,
    /// so a file is kept small.
    public static let pagesPerFile = 7

    public let documents: Int
    /// A power of two, about one shard for every 12 to 24 pages.
    public let shards: Int

    public init(documents: Int) {
        self.documents = documents
        var shards = 1
        while shards < 4096, shards * 2 <= documents / 12 { shards *= 2 }
        self.shards = shards
    }

    public var perFile: Int { Self.pagesPerFile }
    public var textFiles: Int { (documents + perFile - 1) / perFile }

    /// `en 1011 64 7`: what `search.js` reads from the search page's `data-index`, a language a part.
    public func attribute(language: Language) -> String {
        "\(language.code) \(documents) \(shards) \(perFile)"
    }
}

/// A file the Index stage makes, by its path under the output folder.
public struct OutputFile: Sendable {
    public var path: String
    /// UTF-8.
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, contents: String) {
        self.init(path: path, bytes: Array(contents.utf8))
    }

    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}

/// Stage 5: the search index of each language, as script files the search page loads (also from `file://`).
///
/// In `<lang>/search/`: `index.js` (the `SearchLayout`, for pages other than the search page),
/// `p-<n>.js` (postings, sharded by the hash of a token's first characters so a query loads only
/// its shards, and a prefix stays in one shard) and `t-<n>.js` (the url, title and text of a run
/// of pages, deflated, for result lists, snippets and the check of a CJK phrase). Each calls
/// `HashiSearch.register(lang, part, data)`.
///
/// After an edit, the index is changed rather than made anew when it can be: the shards that held
/// or now hold a token of an edited page are read back from the output, that page's postings are
/// taken out and put in again, and only those shards and the page's text file are written.
/// Everything else stays. A page added or removed, or a change that moves the average field
/// lengths, makes the whole index again.
public struct SearchIndexBuilder: Sendable {
    /// The files of one language's index: those made (unless they were handed to `emit` as they
    /// were made), those of the output that stay, and the state the next build starts from.
    package struct Result {
        package var files: [OutputFile]
        package var kept: [String]
        package var state: SearchState
        /// Pages whose text was tokenised: all of them for an index made anew, the edited ones for a change.
        package var tokenizedPages: Int
    }

    public init() {}

    /// The whole index of `documents`, made anew.
    public func build(documents: [SearchDocument], language: Language) -> [OutputFile] {
        let documents = documents.sorted { $0.url < $1.url }
        let files = FileCollector()
        _ = buildAll(documents: documents, keys: documents.map { _ in 0 }, language: language, emit: files.add)
        return files.sorted
    }

    /// The index of `pages` (fallbacks left out): changed from `previous` where it can be, else
    /// made anew. `texts` gives each page's text (parsed again where the cache held only a summary).
    package func build(pages: [Page], language: Language, previous: PreviousIndex?,
               texts: PageSearchText, emit: @escaping @Sendable (OutputFile) -> Void) -> Result {
        let pages = pages.filter { $0.language == language && !$0.isFallback }.sorted { $0.url < $1.url }
        let keys = pages.map(texts.key(of:))
        if let previous, let result = update(pages: pages, keys: keys, language: language, previous: previous, texts: texts) {
            return result
        }
        let documents = pages.concurrentMap { SearchDocument(page: $0, texts: texts) }
        return buildAll(documents: documents, keys: keys, language: language, emit: emit)
    }

    /// The whole index, each file handed to `emit` (from any thread) as soon as it is made.
    private func buildAll(documents: [SearchDocument], keys: [UInt64], language: Language,
                          emit: @escaping @Sendable (OutputFile) -> Void) -> Result {
        let index = InvertedIndex(documents: documents)
        let layout = SearchLayout(documents: documents.count)
        let shardCount = layout.shards
        let perFile = layout.perFile
        emit(indexFile(language: language, layout: layout))
        // Shards are made and written on every core; each file's bytes depend only on its own shard.
        Array(0..<shardCount).concurrentForEach { number in
            emit(script(language, Self.shardPart(number)) { Self.appendPostingsJSON(index, shard: number, of: shardCount, to: &$0) })
        }
        Array(stride(from: 0, to: documents.count, by: perFile)).concurrentForEach { start in
            emit(textFile(language: language, number: start / perFile, first: start,
                          documents: Array(documents[start..<min(documents.count, start + perFile)])))
        }
        let entries = Array(documents.indices).concurrentMap { number in
            SearchState.Entry(url: documents[number].url, key: keys[number], lengths: index.documentLengths(number),
                              tokenCount: index.tokenCounts[number],
                              shards: index.shardHashes[number].uniqueSortedShards(of: shardCount))
        }
        let state = SearchState(averages: index.averages, shardCount: shardCount, perFile: perFile,
                                postingCount: index.postingCount, documents: entries)
        return Result(files: [], kept: [], state: state, tokenizedPages: documents.count)
    }

    /// The previous index with the edited pages' postings and text replaced, or nil when it must be
    /// made anew.
    private func update(pages: [Page], keys: [UInt64], language: Language, previous: PreviousIndex,
                        texts: PageSearchText) -> Result? {
        let old = previous.state
        guard old.documents.count == pages.count, zip(old.documents, pages).allSatisfy({ $0.isOf(url: $1.url) }) else { return nil }
        let changed = pages.indices.filter { old.documents[$0].key != keys[$0] }
        let folder = Self.folder(language)
        let shardNames = (0..<old.shardCount).map { folder + Self.shardPart($0) + ".js" }
        let textNames = stride(from: 0, to: pages.count, by: old.perFile).map { folder + "t-\($0 / old.perFile).js" }
        guard !changed.isEmpty else {
            return Result(files: [], kept: [folder + "index.js"] + shardNames + textNames, state: old, tokenizedPages: 0)
        }
        let edited = changed.map { SearchDocument(page: pages[$0], texts: texts) }
        let terms = edited.concurrentMap(PageTerms.init(document:))
        var entries = old.documents
        for (number, page) in changed.enumerated() {
            let hashes = terms[number].prefixHashes
            entries[page] = SearchState.Entry(url: pages[page].url, key: keys[page],
                                              lengths: terms[number].lengths.map(Int.init),
                                              tokenCount: hashes.count,
                                              shards: hashes.uniqueSortedShards(of: old.shardCount))
        }
        // The same averages and layout, or the whole index changes.
        let averages = InvertedIndex.averages(lengths: entries.map(\.lengths))
        let postingCount = entries.reduce(0) { $0 + $1.tokenCount }
        let layout = SearchLayout(documents: pages.count)
        guard averages == old.averages, layout.shards == old.shardCount, layout.perFile == old.perFile else { return nil }

        var affected = Set<Int>()
        for page in changed { affected.formUnion(old.documents[page].shards + entries[page].shards) }
        let editedPostings = Dictionary(uniqueKeysWithValues: zip(changed, terms).map { page, terms in
            (Int32(page), (terms: terms, norms: InvertedIndex.norms(lengths: entries[page].lengths, averages: averages)))
        })
        let shardCount = old.shardCount
        let spliced = affected.sorted().concurrentMap { number -> OutputFile? in
            guard let bytes = previous.read(folder + Self.shardPart(number) + ".js"),
                  let json = ShardSplicer.splice(bytes, shard: number, of: shardCount, replacing: editedPostings) else { return nil }
            return script(language, Self.shardPart(number)) { $0 += json.utf8 }
        }
        guard spliced.allSatisfy({ $0 != nil }) else { return nil }
        let perFile = old.perFile
        let textNumbers = Set(changed.map { $0 / perFile }).sorted()
        let texts = textNumbers.concurrentMap { number in
            let range = (number * perFile)..<min(pages.count, (number + 1) * perFile)
            return textFile(language: language, number: number, first: range.lowerBound,
                            documents: pages[range].map { SearchDocument(page: $0, texts: texts) })
        }
        let files = [indexFile(language: language, layout: layout)]
            + spliced.compactMap { $0 } + texts
        let made = Set(files.map(\.path))
        let state = SearchState(averages: averages, shardCount: shardCount, perFile: perFile, postingCount: postingCount, documents: entries)
        return Result(files: files, kept: (shardNames + textNames).filter { !made.contains($0) }, state: state,
                      tokenizedPages: changed.count)
    }

    static func folder(_ language: Language) -> String { language.code + "/search/" }

    /// The part name of posting shard `number` (`p-<n>`).
    static func shardPart(_ number: Int) -> String { "p-\(number)" }

    /// `<lang>/search/<part>.js`: `HashiSearch.register("<lang>","<part>",<data>);`, the data added by `write`.
    private func script(_ language: Language, _ part: String, _ write: (inout [UInt8]) -> Void) -> OutputFile {
        var bytes = Array("HashiSearch.register(".utf8)
        ScriptJSON.quote(language.code, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        ScriptJSON.quote(part, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        write(&bytes)
        bytes += ");\n".utf8
        return OutputFile(path: Self.folder(language) + part + ".js", bytes: bytes)
    }

    private func script(_ language: Language, _ part: String, _ data: ScriptJSON) -> OutputFile {
        script(language, part) { data.write(to: &$0) }
    }

    private func indexFile(language: Language, layout: SearchLayout) -> OutputFile {
        script(language, "index", .object([
            "version": .int(4), "documents": .int(layout.documents), "shards": .int(layout.shards), "perFile": .int(layout.perFile),
        ]))
    }

    /// `{"first":n,"z":"…"}`: `z` is each page's URL, title and text, each ended by a NUL (which a
    /// page's text never holds: libcmark turns it into U+FFFD; a NUL of a title becomes one too), deflated
    /// and written seven bits a character (`Compressed.appendScriptString`). Texts are most of the
    /// index, and compressed they are a quarter of it.
    private func textFile(language: Language, number: Int, first: Int, documents: [SearchDocument]) -> OutputFile {
        script(language, "t-\(number)") { out in
            out += "{\"first\":\(first),\"z\":\"".utf8
            var texts: [UInt8] = []
            texts.reserveCapacity(documents.reduce(0) { $0 + $1.url.utf8.count + $1.title.utf8.count + $1.body.utf8.count + 3 })
            for document in documents {
                texts += URLPath.encode(document.url).utf8
                texts.append(0)
                var title = document.title
                title.withUTF8 { title in
                    guard title.contains(0) else { return texts += title }
                    for byte in title { if byte == 0 { texts += [0xEF, 0xBF, 0xBD] } else { texts.append(byte) } }
                }
                texts.append(0)
                texts += document.body.utf8
                texts.append(0)
            }
            Compressed.appendScriptStringDeflated(texts, to: &out)
            out += "\"}".utf8
        }
    }

    /// `{"token":"<postings>",…}` with sorted keys, each list in the compact form of `PostingCoder`.
    static func appendPostingsJSON(_ index: InvertedIndex, shard: Int, of count: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (position, entry) in index.tokens(inShard: shard, of: count).enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            index.groups[entry.group].tokens.withToken(entry.token) { ScriptJSON.quote($0, to: &out) }
            out += ":\"".utf8
            index.encodePostings(group: entry.group, token: entry.token, into: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// FNV-1a over the first character of a CJK token or the first two of a word, so every token
    /// a one-character or prefix query can match is in the same shard.
    public static func shard(of token: String, count: Int) -> Int {
        guard let first = token.unicodeScalars.first else { return 0 }
        var token = token
        return token.withUTF8 { Int(TokenScanner.prefixHash($0, isCJK: SearchTokenizer.isCJK(first)) % UInt32(count)) }
    }
}

/// Files handed over from many threads, for callers that want them all at once.
final class FileCollector: @unchecked Sendable {  // `files` is read and written under `lock`
    private let lock = NSLock()
    private var files: [OutputFile] = []

    func add(_ file: OutputFile) { lock.withLock { files.append(file) } }
    var sorted: [OutputFile] { lock.withLock { files.sorted { $0.path < $1.path } } }
}

extension Array where Element: BinaryInteger {
    /// The shards of `count` (a power of two) these hashes fall in, each once, in order: marked
    /// in a bitmap rather than gathered in a set, since every page of the index asks.
    func uniqueSortedShards(of count: Int) -> [Int] {
        var marked = [UInt64](repeating: 0, count: (count + 63) / 64)
        for hash in self {
            let shard = Int(truncatingIfNeeded: hash) & (count - 1)
            marked[shard >> 6] |= 1 << UInt64(shard & 63)
        }
        var shards: [Int] = []
        for (word, bits) in marked.enumerated() where bits != 0 {
            var bits = bits
            while bits != 0 {
                shards.append(word << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return shards
    }
}
