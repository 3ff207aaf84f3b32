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
        /// Each token's postings, one after another, as `writePosting` makes them: the step from the
        /// previous page, then the frequencies: two bytes for most postings, where an array of page
        /// numbers and one of frequencies took twelve.
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
            let (first, firstLength) = PostingStreams.read(bytes, at: cursor)
            cursor += firstLength
            var frequencies = UInt64(first >> 1) << (2 * Self.frequencyBits)
            if first & 1 == 1 {
                for field in 0..<2 {
                    let (frequency, length) = PostingStreams.read(bytes, at: cursor)
                    cursor += length
                    frequencies |= UInt64(frequency) << (Self.frequencyBits * UInt64(field))
                }
            }
            body(Posting(document: document, frequencies: frequencies))
        }
    }

    /// Writes a posting as `forEachPosting(in:after:_:)` reads it, at `out` (room for 40 bytes);
    /// returns how many bytes it took. The step from the previous page, then the body's frequency
    /// doubled, plus one if the title's and the headings' follow: most words are in the body alone.
    @inline(__always)
    static func writePosting(step: Int, frequencies: UInt64, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var end = PostingStreams.write(step, at: out)
        let body = Int(frequencies >> (2 * frequencyBits))
        let others = frequencies & ((1 << (2 * frequencyBits)) - 1)
        end += PostingStreams.write(body << 1 | (others == 0 ? 0 : 1), at: out + end)
        if others != 0 {
            end += PostingStreams.write(Int(others & frequencyMask), at: out + end)
            end += PostingStreams.write(Int(others >> frequencyBits), at: out + end)
        }
        return end
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
        // Run `r` of every batch is read through `runs[r]`, which keeps its vocabulary from batch to batch.
        let runs = (0..<Self.runsPerBatch).map { _ in TermRun() }
        for start in stride(from: 0, to: documents.count, by: Self.batchSize) {
            let counted = Self.terms(of: documents[start..<min(documents.count, start + Self.batchSize)], runs: runs)
            for page in counted {
                lengths += page.lengths
                tokenCounts.append(page.count)
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
        bodyCodes = (0..<documentCount).flatMap { document in
            (1...Self.bodyCodesPerPage).map { Int16(plainWeight(document: Int32(document), frequencies: UInt64($0) << (2 * Self.frequencyBits))) }
        }
    }

    /// Most postings are of a word a page's body has a few times, and its title and headings not:
    /// their weight codes are worked out once a page for bodies with 1 to 8, and read from here.
    static let bodyCodesPerPage = 8
    private(set) var bodyCodes: [Int16] = []

    /// A run a core, at least two: each run keeps a vocabulary of every token it has met, so more
    /// runs than cores would only hold more copies of it.
    static let runsPerBatch = min(8, max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// The terms of each page, read in runs of pages on every core, run `r` through `runs[r]`, so
    /// the stems of a word and the number of a token are worked out once a run rather than once a page.
    private static func terms(of pages: ArraySlice<SearchDocument>, runs: [TermRun]) -> [PageTerms] {
        let size = max(1, (pages.count + runs.count - 1) / runs.count)
        return Array(0..<runs.count).concurrentMap { run in
            let first = min(pages.endIndex, pages.startIndex + run * size)
            return pages[first..<min(pages.endIndex, first + size)].indices.map { page in
                PageTerms(document: pages[page], page: Int32(page), run: runs[run])
            }
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

    /// `plainWeight`, read from `bodyCodes` where it holds the answer.
    @inline(__always)
    func weight(document: Int32, frequencies: UInt64) -> Int {
        let body = frequencies >> (2 * Self.frequencyBits)
        if body << (2 * Self.frequencyBits) == frequencies, body &- 1 < UInt64(Self.bodyCodesPerPage) {
            return Int(bodyCodes[Int(document) * Self.bodyCodesPerPage + Int(body) - 1])
        }
        return plainWeight(document: document, frequencies: frequencies)
    }

    func plainWeight(document: Int32, frequencies: UInt64) -> Int {
        Self.weight(frequencies: frequencies, norms: norms[(Int(document) * 3)..<(Int(document) * 3 + 3)])
    }

    /// The tokens of shard `shard` of `count` (a power of two), as (group, token) in byte order.
    func tokens(inShard shard: Int, of count: Int) -> [(group: Int, token: Int)] {
        // Sorted by their first eight bytes as one number, and by all their bytes only where
        // those are the same: most tokens (every CJK one) are shorter.
        var picked: [(prefix: UInt64, group: Int, token: Int)] = []
        for (number, group) in groups.enumerated() where count >= Self.groupCount
            ? number == shard & (Self.groupCount - 1) : number & (count - 1) == shard {
            for token in 0..<group.tokens.count where Int(group.prefixHashes[token]) & (count - 1) == shard {
                picked.append((group.tokens.withToken(token, Self.sortPrefix), number, token))
            }
        }
        return picked.sorted { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return groups[a.group].tokens.withToken(a.token) { first in
                groups[b.group].tokens.withToken(b.token) { first.lexicographicallyPrecedes($0) }
            }
        }.map { ($0.group, $0.token) }
    }

    /// The first eight bytes of `token`, the first the highest, zeros past its end: tokens hold no
    /// zero byte, so these numbers are in the tokens' byte order wherever they differ.
    static func sortPrefix(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0..<8 { prefix = prefix << 8 | UInt64(index < token.count ? token[index] : 0) }
        return prefix
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
