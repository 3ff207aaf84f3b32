import HashiContent
import HashiSupport

/// What one language's search index was made from, kept in the output's `.hashi/search-<lang>` so
/// the next build can change only what an edit touches (`SearchIndexBuilder`).
package struct SearchState: Sendable, Equatable {
    static let version = 5

    struct Entry: Sendable, Equatable {
        /// A hash of the page's URL: what the next build compares its pages with.
        var urlKey: UInt64
        /// `SearchState.key(of:)` of the page when it was indexed.
        var key: UInt64
        /// Tokens in the title, the headings and the body.
        var lengths: [Int]
        /// Distinct tokens, that is postings.
        var tokenCount: Int
        /// The shards holding a posting of the page.
        var shards: [Int]

        init(url: String, key: UInt64, lengths: [Int], tokenCount: Int, shards: [Int]) {
            self.init(urlKey: StableHasher.hash(url), key: key, lengths: lengths, tokenCount: tokenCount, shards: shards)
        }

        init(urlKey: UInt64, key: UInt64, lengths: [Int], tokenCount: Int, shards: [Int]) {
            self.urlKey = urlKey
            self.key = key
            self.lengths = lengths
            self.tokenCount = tokenCount
            self.shards = shards
        }

        func isOf(url: String) -> Bool { urlKey == StableHasher.hash(url) }
    }

    var averages: [Double]
    var shardCount: Int
    var perFile: Int
    var postingCount: Int
    /// In index order (by URL).
    var documents: [Entry]

    package static func path(_ language: Language) -> String { ".hashi/search-" + language.code }

    package func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.write(Self.version)
        writer.write(averages) { $0.write($1.bitPattern) }
        writer.write(shardCount)
        writer.write(perFile)
        writer.write(postingCount)
        writer.write(documents) { writer, entry in
            writer.write(entry.urlKey)
            writer.write(entry.key)
            writer.write(entry.lengths) { $0.write($1) }
            writer.write(entry.tokenCount)
            for word in Self.bitmap(entry.shards, of: shardCount) { writer.write(word) }
        }
        return writer.bytes
    }

    /// A page's shards as a bitmap, a bit a shard (a list took most of the file).
    static func bitmap(_ shards: [Int], of count: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (count + 63) / 64)
        for shard in shards { words[shard >> 6] |= 1 << UInt64(shard & 63) }
        return words
    }

    /// The shards a bitmap of `bitmap(_:of:)` marks, in order.
    static func shards(_ words: [UInt64]) -> [Int] {
        var shards: [Int] = []
        for (index, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                shards.append(index << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return shards
    }

    init(averages: [Double], shardCount: Int, perFile: Int, postingCount: Int, documents: [Entry]) {
        self.averages = averages
        self.shardCount = shardCount
        self.perFile = perFile
        self.postingCount = postingCount
        self.documents = documents
    }

    /// The state an earlier build wrote, or nil when there is none or it is of another version.
    package init?(bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        do throws(ByteReader.Malformed) {
            guard try reader.int() == Self.version else { return nil }
            averages = try reader.array { reader throws(ByteReader.Malformed) in Double(bitPattern: try reader.uint64()) }
            let shardCount = try reader.int()
            guard shardCount > 0, shardCount <= 1 << 20 else { return nil }
            self.shardCount = shardCount
            perFile = try reader.int()
            postingCount = try reader.int()
            let words = (shardCount + 63) / 64
            documents = try reader.array { reader throws(ByteReader.Malformed) in
                Entry(urlKey: try reader.uint64(), key: try reader.uint64(),
                      lengths: try reader.array { reader throws(ByteReader.Malformed) in try reader.int() },
                      tokenCount: try reader.int(),
                      shards: Self.shards(try (0..<words).map { _ throws(ByteReader.Malformed) in try reader.uint64() }))
            }
            guard reader.isAtEnd, averages.count == 3, perFile > 0,
                  documents.allSatisfy({ $0.lengths.count == 3 }) else { return nil }
        } catch {
            return nil
        }
    }
}

/// The index an earlier build left in the output: its state, and its files read back as they are.
package struct PreviousIndex: Sendable {
    var state: SearchState
    /// The bytes of a file of the output site, or nil when it is missing or not what that build wrote.
    var read: @Sendable (String) -> [UInt8]?

    package init(state: SearchState, read: @escaping @Sendable (String) -> [UInt8]?) {
        self.state = state
        self.read = read
    }
}
