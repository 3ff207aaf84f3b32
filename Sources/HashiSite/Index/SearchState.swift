import HashiContent
import HashiSupport

/// What one language's search index was made from, kept in the output's `.hashi/search-<lang>` so
/// the next build can change only what an edit touches (`SearchIndexBuilder`).
package struct SearchState: Sendable, Equatable {
    static let version = 3

    struct Entry: Sendable, Equatable {
        var url: String
        /// `SearchState.key(of:)` of the page when it was indexed.
        var key: UInt64
        /// Tokens in the title, the headings and the body.
        var lengths: [Int]
        /// Distinct tokens, that is postings.
        var tokenCount: Int
        /// The shards holding a posting of the page.
        var shards: [Int]
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
            writer.write(entry.url)
            writer.write(entry.key)
            writer.write(entry.lengths) { $0.write($1) }
            writer.write(entry.tokenCount)
            writer.write(entry.shards) { $0.write($1) }
        }
        return writer.bytes
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
            shardCount = try reader.int()
            perFile = try reader.int()
            postingCount = try reader.int()
            documents = try reader.array { reader throws(ByteReader.Malformed) in
                Entry(url: try reader.string(), key: try reader.uint64(),
                      lengths: try reader.array { reader throws(ByteReader.Malformed) in try reader.int() },
                      tokenCount: try reader.int(),
                      shards: try reader.array { reader throws(ByteReader.Malformed) in try reader.int() })
            }
            guard reader.isAtEnd, averages.count == 3, shardCount > 0, perFile > 0,
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
