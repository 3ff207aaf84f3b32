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

    init(page: Page) {
        let text = page.document.plainText
        let body = text.utf8.count <= Self.bodyLimit ? text : String(decoding: text.utf8.prefix(Self.bodyLimit), as: UTF8.self)
        self.init(url: page.url, title: page.title, headings: page.document.headings.map(\.text), body: body, language: page.language)
    }
}

/// A file the Index stage makes, by its path under the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Stage 5: the search index of each language, as script files the search page loads (also from `file://`).
///
/// In `<lang>/search/`: `index.js` (counts), `p-<n>.js` (postings, sharded by the hash of a
/// token's first characters so a query loads only its shards, and a prefix stays in one shard)
/// and `t-<n>.js` (url, title and text of a run of pages, for result lists and snippets).
/// Each calls `HashiSearch.register(lang, part, data)`.
public struct SearchIndexBuilder: Sendable {
    /// Postings per shard aimed at; shards are a power of two so the count changes rarely.
    static let postingsPerShard = 3000
    /// Bytes of page text per text file aimed at: small, since each result shown loads its file
    /// (a typical page gets a file of its own).
    static let textBytesPerFile = 8 * 1024

    public init() {}

    public func build(documents: [SearchDocument], language: Language) -> [OutputFile] {
        let documents = documents.sorted { $0.url < $1.url }
        let index = InvertedIndex(documents: documents)
        let folder = language.code + "/search/"
        let postingCount = index.postingCount
        var shardCount = 1
        while shardCount < 4096, shardCount * Self.postingsPerShard < postingCount { shardCount *= 2 }
        let textBytes = documents.reduce(0) { $0 + $1.body.utf8.count + $1.title.utf8.count + $1.url.utf8.count }
        let perFile = max(1, min(1000, Self.textBytesPerFile * documents.count / max(1, textBytes)))

        @Sendable func script(_ part: String, _ data: ScriptJSON) -> OutputFile {
            let call = "HashiSearch.register(" + ScriptJSON.string(language.code).text + ","
                + ScriptJSON.string(part).text + "," + data.text + ");\n"
            return OutputFile(path: folder + part + ".js", contents: call)
        }

        var files = [script("index", .object([
            "version": .int(2), "documents": .int(documents.count), "shards": .int(shardCount), "perFile": .int(perFile),
        ]))]
        // Shards are written on every core; each file's bytes depend only on its own shard.
        let shards = shardCount
        files += Array(0..<shards).concurrentMap { number in
            let prefix = "HashiSearch.register(" + ScriptJSON.string(language.code).text + "," + ScriptJSON.string("p-\(number)").text + ","
            return OutputFile(path: folder + "p-\(number).js", contents: prefix + Self.postingsJSON(index, shard: number, of: shards) + ");\n")
        }
        files += Array(stride(from: 0, to: documents.count, by: perFile)).concurrentMap { start in
            let slice = documents[start..<min(documents.count, start + perFile)]
            return script("t-\(start / perFile)", .object([
                "first": .int(start),
                "docs": .array(slice.map { .array([.string(URLPath.encode($0.url)), .string($0.title), .string($0.body)]) }),
            ]))
        }
        return files
    }

    /// `{"token":"<postings>",…}` with sorted keys, each list in the compact form of `PostingCoder`.
    static func postingsJSON(_ index: InvertedIndex, shard: Int, of count: Int) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (position, entry) in index.tokens(inShard: shard, of: count).enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            index.groups[entry.group].tokens.withToken(entry.token) { ScriptJSON.quote($0, to: &out) }
            out += ":\"".utf8
            index.encodePostings(group: entry.group, token: entry.token, into: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// FNV-1a over the first character of a CJK token or the first two of a word, so every token
    /// a one-character or prefix query can match is in the same shard.
    public static func shard(of token: String, count: Int) -> Int {
        guard let first = token.unicodeScalars.first else { return 0 }
        var token = token
        return token.withUTF8 { Int(TokenScanner.prefixHash($0, isCJK: SearchTokenizer.isCJK(first)) % UInt32(count)) }
    }
}
