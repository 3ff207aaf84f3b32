import Foundation
import HashiContent
import HashiSupport

/// The postings of one language, built for the shard files: for each token, the pages that have
/// it with their term frequency per field. No positions: a CJK phrase is found by its covering
/// bigrams and checked against the page's text, which the results show anyway.
///
/// Pages are tokenised in batches on every core, then each batch is merged into 64 groups of
/// tokens (by the shard hash of the token), one group per task, so no lock is taken and only a
/// batch of pages' token counts is held at a time.
struct InvertedIndex: Sendable {
    static let groupCount = 64
    static let batchSize = 256
    /// Frequencies of the three fields share one integer, 21 bits each (saturating).
    static let frequencyBits: UInt64 = 21
    static let frequencyMask: UInt64 = (1 << 21) - 1

    struct Group: Sendable {
        var tokens = TokenTable(capacity: 4096)
        var prefixHashes: [UInt32] = []
        /// Each token's postings, one after another, as `PostingStreams.write` numbers: the step from the
        /// previous page, then the frequency in the title, the headings and the body: four bytes a
        /// posting, where an array of page numbers and one of frequencies took twelve.
        var postings = PostingStreams()
        var postingCounts: [Int32] = []
        var lastDocuments: [Int32] = []
    }

    /// One posting as read back from a group's stream.
    struct Posting {
        var document: Int32
        var frequencies: UInt64
    }

    /// The postings of one token, read in page order.
    func forEachPosting(group number: Int, token: Int, _ body: (Posting) -> Void) {
        var document: Int32 = 0
        groups[number].postings.forEachBlock(of: token) { forEachPosting(in: $0, after: &document, body) }
    }

    /// The postings of one block of a token's stream (`Group.postings`), read in page order;
    /// `document` is the page of the posting before the block, and then of its last posting.
    @inline(__always)
    func forEachPosting(in bytes: UnsafeBufferPointer<UInt8>, after document: inout Int32, _ body: (Posting) -> Void) {
        var cursor = 0
        while cursor < bytes.count {
            let (step, stepLength) = PostingStreams.read(bytes, at: cursor)
            cursor += stepLength
            document += Int32(step)
            var frequencies: UInt64 = 0
            for field in 0..<3 {
                let (frequency, length) = PostingStreams.read(bytes, at: cursor)
                cursor += length
                frequencies |= UInt64(frequency) << (Self.frequencyBits * UInt64(field))
            }
            body(Posting(document: document, frequencies: frequencies))
        }
    }

    let documentCount: Int
    /// Each page's BM25F length normalisation per field: `1 - b + b * length / average length`.
    private(set) var norms: [Double] = []
    private(set) var groups: [Group]
    private(set) var postingCount = 0
    /// Average length of each field, rounded (`averages(lengths:)`).
    private(set) var averages: [Double] = []
    /// Each page's field lengths, three a page.
    private(set) var lengths: [Int32] = []
    /// Each page's number of distinct tokens, and the shard hashes of its tokens (their low 12 bits).
    private(set) var tokenCounts: [Int] = []
    private(set) var shardHashes: [[UInt16]] = []

    init(documents: [SearchDocument]) {
        documentCount = documents.count
        groups = Array(repeating: Group(), count: Self.groupCount)
        lengths.reserveCapacity(documents.count * 3)
        for start in stride(from: 0, to: documents.count, by: Self.batchSize) {
            let batch = Array(documents[start..<min(documents.count, start + Self.batchSize)])
            let counted = Self.terms(of: batch)
            for page in counted {
                lengths += page.lengths
                tokenCounts.append(page.prefixHashes.count)
                shardHashes.append(page.shardHashes)
            }
            groups.concurrentUpdate { number, group in
                // By index, so each page's terms are read in place rather than copied 64 times.
                counted.withUnsafeBufferPointer { pages in
                    for offset in pages.indices {
                        (pages.baseAddress! + offset).pointee.merge(group: number, into: &group, document: Int32(start + offset))
                    }
                }
            }
        }
        for index in groups.indices { groups[index].tokens.freeze() }
        postingCount = groups.reduce(0) { $0 + $1.postingCounts.reduce(0) { $0 + Int($1) } }
        averages = Self.averages(lengths: stride(from: 0, to: lengths.count, by: 3).map { lengths[$0..<($0 + 3)].map(Int.init) })
        norms = stride(from: 0, to: lengths.count, by: 3).flatMap { start in
            Self.norms(lengths: lengths[start..<(start + 3)].map(Int.init), averages: averages)
        }
    }

    /// The terms of each page, read in runs of pages on every core, a scanner a run, so the
    /// stems of a word are worked out once a run rather than once a page.
    private static func terms(of pages: [SearchDocument]) -> [PageTerms] {
        let run = max(1, (pages.count + 7) / 8)
        return Array(stride(from: 0, to: pages.count, by: run)).concurrentMap { start in
            var scanner = TokenScanner()
            return pages[start..<min(pages.count, start + run)].map { PageTerms(document: $0, scanner: &scanner) }
        }.flatMap { $0 }
    }

    func documentLengths(_ document: Int) -> [Int] {
        lengths[(document * 3)..<(document * 3 + 3)].map(Int.init)
    }

    /// The average length of each field over all pages, to two significant digits: one edit rarely
    /// moves it, so the weights of every other page, and the shards that hold only them, stay the same.
    static func averages(lengths: [[Int]]) -> [Double] {
        let count = Double(max(lengths.count, 1))
        return (0..<3).map { field in
            let average = Double(lengths.reduce(0) { $0 + $1[field] }) / count
            guard average >= 10 else { return max(1, average.rounded()) }
            let step = pow(10, (log10(average)).rounded(.down) - 1)
            return (average / step).rounded() * step
        }
    }

    /// A page's BM25F length normalisation of each field: `1 - b + b * length / average length`.
    static func norms(lengths: [Int], averages: [Double]) -> [Double] {
        (0..<3).map { 1 - SearchIndex.b + SearchIndex.b * Double(lengths[$0]) / averages[$0] }
    }

    /// The BM25F weight of a posting, as the code the files hold (`PostingCoder.weightCode`).
    static func weight(frequencies: UInt64, norms: ArraySlice<Double>) -> Int {
        var weight = 0.0
        for field in 0..<3 {
            let frequency = (frequencies >> (frequencyBits * UInt64(field))) & frequencyMask
            weight = weight + SearchIndex.fieldWeights[field] * Double(frequency) / norms[norms.startIndex + field]
        }
        return PostingCoder.weightCode(weight)
    }

    func weight(document: Int32, frequencies: UInt64) -> Int {
        Self.weight(frequencies: frequencies, norms: norms[(Int(document) * 3)..<(Int(document) * 3 + 3)])
    }

    /// The tokens of shard `shard` of `count` (a power of two), as (group, token) in byte order.
    func tokens(inShard shard: Int, of count: Int) -> [(group: Int, token: Int)] {
        var picked: [(group: Int, token: Int)] = []
        for (number, group) in groups.enumerated() where count >= Self.groupCount
            ? number == shard & (Self.groupCount - 1) : number & (count - 1) == shard {
            for token in 0..<group.tokens.count where Int(group.prefixHashes[token]) & (count - 1) == shard {
                picked.append((number, token))
            }
        }
        return picked.sorted { a, b in
            groups[a.group].tokens.withToken(a.token) { first in
                groups[b.group].tokens.withToken(b.token) { first.lexicographicallyPrecedes($0) }
            }
        }
    }

    /// Writes the postings of one token the way `decodePostings` in search.js reads them, made in
    /// a buffer and added at once.
    func encodePostings(group number: Int, token: Int, into out: inout [UInt8]) {
        // A posting trades three frequencies for a weight.
        let capacity = 2 * PostingCoder.maximumLength * Int(groups[number].postingCounts[token])
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let start = buffer.baseAddress!
            var end = 0
            var previous: Int32 = 0
            forEachPosting(group: number, token: token) { posting in
                end += PostingCoder.writePosting(step: Int(posting.document - previous),
                                                 weight: weight(document: posting.document, frequencies: posting.frequencies),
                                                 at: start + end)
                previous = posting.document
            }
            out.append(contentsOf: UnsafeBufferPointer(start: start, count: end))
        }
    }

    /// Every token with its postings, for searching in Swift (tests, `SearchIndex.search`).
    func postings() -> [String: [SearchIndex.Posting]] {
        var result: [String: [SearchIndex.Posting]] = [:]
        for (number, group) in groups.enumerated() {
            for token in 0..<group.tokens.count {
                var list: [SearchIndex.Posting] = []
                forEachPosting(group: number, token: token) { posting in
                    list.append(SearchIndex.Posting(document: Int(posting.document),
                                                    weight: PostingCoder.weight(code: weight(document: posting.document, frequencies: posting.frequencies))))
                }
                result[group.tokens.string(token)] = list
            }
        }
        return result
    }
}

/// One page's tokens with their frequency per field, and the group each belongs to.
///
/// Tokens are numbered group by group: each of the 64 merge tasks reads one run of each page's
/// arrays rather than picking its tokens out of the whole page, which at 10,000 pages a language
/// made the merge wait on memory more than it computed.
struct PageTerms: Sendable {
    var tokens = TokenTable(capacity: 512)
    var lengths: [Int32] = [0, 0, 0]
    var frequencies: [UInt64] = []
    var prefixHashes: [UInt32] = []
    /// The tokens of group `g` are numbered `groupStarts[g]..<groupStarts[g + 1]`.
    var groupStarts: [Int32] = []
    /// The low 12 bits of the tokens' shard hashes, each once, in order: the shards of up to
    /// 4,096 that hold the page's postings.
    var shardHashes: [UInt16] = []

    init(document: SearchDocument) {
        var scanner = TokenScanner()
        self.init(document: document, scanner: &scanner)
    }

    /// The page's terms, read by `scanner`, which may come from the pages before: it keeps the
    /// stems of the words it has met.
    init(document: SearchDocument, scanner: inout TokenScanner) {
        let fields = [document.title, document.headings.joined(separator: "\n"), document.body].map(SearchTokenizer.normalizedUTF8)
        // Every token takes at least one byte of the text, so the page's tokens do not outnumber
        // its bytes: they are counted into a buffer of that size, which the scan writes without
        // the checks a growing array makes at each of its many tokens.
        let capacity = fields.reduce(1) { $0 + $1.count }
        var counter = PageCounter(counts: UnsafeMutablePointer<UInt64>.allocate(capacity: capacity))
        defer { counter.counts.deallocate() }
        var offset = 0
        for (field, text) in fields.enumerated() {
            counter.startField(field)
            let length = text.withUnsafeBufferPointer { scanner.scan($0, offset: offset, into: &counter) }
            lengths[field] = counter.fieldLength
            offset += length + 1
        }
        // Tokens by group (first seen first within a group), every array renumbered that way.
        let groups = InvertedIndex.groupCount
        let order: [Int32]
        (groupStarts, order) = Self.countingSort(keys: counter.prefixHashes.map { Int($0) & (groups - 1) }, count: groups)
        tokens = counter.tokens.reordered(order)
        frequencies = order.map { counter.counts[Int($0)] }
        prefixHashes = order.map { counter.prefixHashes[Int($0)] }
        shardHashes = prefixHashes.uniqueSortedShards(of: 4096).map(UInt16.init)
    }

    /// A stable counting sort of items by their keys (each in 0..<count): where each key's items
    /// start (count + 1 numbers), and the items' indices in sorted order.
    private static func countingSort(keys: [Int], count: Int) -> (starts: [Int32], order: [Int32]) {
        var starts = [Int32](repeating: 0, count: count + 1)
        for key in keys { starts[key + 1] += 1 }
        for key in 0..<count { starts[key + 1] += starts[key] }
        var next = starts
        var order = [Int32](repeating: 0, count: keys.count)
        for (index, key) in keys.enumerated() {
            order[Int(next[key])] = Int32(index)
            next[key] += 1
        }
        return (starts, order)
    }

    func merge(group number: Int, into group: inout InvertedIndex.Group, document: Int32) {
        // Room for a posting: its step and three frequencies, each at most `maximumLength` characters.
        let posting = UnsafeMutablePointer<UInt8>.allocate(capacity: PostingCoder.maximumLength * 4)
        defer { posting.deallocate() }
        tokens.bytes.withUnsafeBufferPointer { all in
            for token in Int(groupStarts[number])..<Int(groupStarts[number + 1]) {
                let bytes = UnsafeBufferPointer(rebasing: all[Int(tokens.starts[token])..<Int(tokens.starts[token + 1])])
                let (entry, isNew) = group.tokens.insert(bytes, hash: tokens.hashes[token])
                if isNew {
                    group.prefixHashes.append(prefixHashes[token])
                    _ = group.postings.addStream()
                    group.postingCounts.append(0)
                    group.lastDocuments.append(0)
                }
                // Made aside, then added to the token's stream in one append.
                var end = PostingStreams.write(Int(document - group.lastDocuments[entry]), at: posting)
                group.lastDocuments[entry] = document
                group.postingCounts[entry] += 1
                for field in 0..<3 {
                    let frequency = (frequencies[token] >> (InvertedIndex.frequencyBits * UInt64(field))) & InvertedIndex.frequencyMask
                    end += PostingStreams.write(Int(frequency), at: posting + end)
                }
                group.postings.append(UnsafeBufferPointer(start: posting, count: end), to: entry)
            }
        }
    }
}

/// Counts one page's tokens, field by field, as `TokenScanner` hands them over.
private struct PageCounter: TokenSink {
    var tokens = TokenTable(capacity: 512)
    var prefixHashes: [UInt32] = []
    /// Each token's frequency in the three fields (`InvertedIndex.frequencyBits` each), set as
    /// the token is first met; room for as many tokens as the page has bytes.
    let counts: UnsafeMutablePointer<UInt64>
    /// A token met again is found by the scanner's key, not by hashing its bytes: the page's
    /// token number for a CJK key, or for a word's number plus one. (A CJK key is at least
    /// 0x0E00 << 21, more words than any scanner meets.)
    private let known = KeyTable(capacity: 1024)
    private var shift: UInt64 = 0
    private(set) var fieldLength: Int32 = 0

    init(counts: UnsafeMutablePointer<UInt64>) {
        self.counts = counts
    }

    mutating func startField(_ field: Int) {
        shift = InvertedIndex.frequencyBits * UInt64(field)
        fieldLength = 0
    }

    @inline(__always)
    mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, position: Int, isCJK: Bool, key: UInt64) {
        fieldLength += 1
        let tableKey = isCJK ? key : key + 1
        var number = known.value(tableKey)
        if number < 0 {
            number = isCJK ? newCJK(bytes, key: key) : word(bytes)
            known.set(tableKey, Int32(number))
        }
        if (counts[number] >> shift) & InvertedIndex.frequencyMask < InvertedIndex.frequencyMask {
            counts[number] += 1 << shift
        }
    }

    /// A CJK token not met before on this page (its key names it alone); its shard hash comes
    /// from its first character, which the key holds.
    @inline(__always)
    private mutating func newCJK(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) -> Int {
        let number = tokens.insert(bytes).number
        counts[number] = 0
        prefixHashes.append(TokenScanner.prefixHash(cjkKey: key))
        return number
    }

    /// The token of a word this page has not had under this spelling (two may share a stem).
    private mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let (number, isNew) = tokens.insert(bytes)
        if isNew {
            counts[number] = 0
            prefixHashes.append(TokenScanner.prefixHash(bytes, isCJK: false))
        }
        return number
    }
}
