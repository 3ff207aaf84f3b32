import HashiContent
import HashiSupport

/// One page's tokens with their frequency per field, and the group each belongs to.
///
/// Tokens are numbered in the vocabulary of the run of pages the page was read in, and listed
/// group by group: each of the 64 merge tasks reads one run of each page's arrays rather than
/// picking its tokens out of the whole page, which at 10,000 pages a language made the merge wait
/// on memory more than it computed.
struct PageTerms: Sendable {
    let vocabulary: TermVocabulary
    var lengths: [Int32] = [0, 0, 0]
    /// The page's tokens by their number in `vocabulary`, group by group (first seen first within a group).
    var tokens: [Int32] = []
    var frequencies: [UInt64] = []
    /// The tokens of group `g` are `tokens[groupStarts[g]..<groupStarts[g + 1]]`.
    var groupStarts: [Int32] = []
    /// The low 12 bits of the tokens' shard hashes, each once, in order: the shards of up to
    /// 4,096 that hold the page's postings.
    var shardHashes: [UInt16] = []

    /// The terms of a page read alone (an edited page, for the index changed in place).
    init(document: SearchDocument) {
        let run = TermRun()
        self.init(document: document, page: 0, run: run)
    }

    /// The page's terms, read by `run`, which may come from the pages before: it keeps the stems
    /// of the words it has met and the tokens it has numbered. `page` is the page's number, unique
    /// within the run.
    init(document: SearchDocument, page: Int32, run: TermRun) {
        vocabulary = run.vocabulary
        let fields = [document.title, document.headings.joined(separator: "\n"), document.body].map(SearchTokenizer.normalizedUTF8)
        // Every token takes at least one byte of the text, so the page's tokens do not outnumber
        // its bytes: they are counted into a buffer of that size, which the scan writes without
        // the checks a growing array makes at each of its many tokens.
        let capacity = fields.reduce(1) { $0 + $1.count }
        var counter = PageCounter(vocabulary: vocabulary, page: page,
                                  counts: UnsafeMutablePointer<UInt64>.allocate(capacity: capacity))
        defer { counter.counts.deallocate() }
        var offset = 0
        for (field, text) in fields.enumerated() {
            counter.startField(field)
            let length = text.withUnsafeBufferPointer { run.scanner.scan($0, offset: offset, into: &counter) }
            lengths[field] = counter.fieldLength
            offset += length + 1
        }
        // Tokens by group (first seen first within a group).
        let hashes = counter.tokens.map { vocabulary.prefixHash(Int($0)) }
        let order: [Int32]
        (groupStarts, order) = Self.countingSort(keys: hashes.map { Int($0) & (InvertedIndex.groupCount - 1) },
                                                 count: InvertedIndex.groupCount)
        tokens = order.map { counter.tokens[Int($0)] }
        frequencies = order.map { counter.counts[Int($0)] }
        shardHashes = hashes.uniqueSortedShards(of: 4096).map(UInt16.init)
    }

    var count: Int { tokens.count }

    /// The shard hash of the page's token `token` (`TokenScanner.prefixHash`).
    func prefixHash(_ token: Int) -> UInt32 {
        vocabulary.prefixHash(Int(tokens[token]))
    }

    var prefixHashes: [UInt32] { tokens.map { vocabulary.prefixHash(Int($0)) } }

    /// Calls `body` with the bytes of the page's token `token`.
    func withToken<T>(_ token: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        vocabulary.tokens.withToken(Int(tokens[token]), body)
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

    /// Adds the page's postings of group `number` to `group`. Each token's place in the group is
    /// looked up once a run and kept in the vocabulary; only this group's task reads or sets it.
    func merge(group number: Int, into group: inout InvertedIndex.Group, document: Int32) {
        // Room for a posting: its step and three frequencies, each at most 10 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            let posting = buffer.baseAddress!
            for token in Int(groupStarts[number])..<Int(groupStarts[number + 1]) {
                let entry = vocabulary.groupToken(Int(tokens[token]), in: &group)
                // Made aside, then added to the token's stream in one append.
                let end = InvertedIndex.writePosting(step: Int(document - group.lastDocuments[entry]),
                                                     frequencies: frequencies[token], at: posting)
                group.lastDocuments[entry] = document
                group.postingCounts[entry] += 1
                group.postings.append(UnsafeBufferPointer(start: posting, count: end), to: entry)
            }
        }
    }
}

/// A scanner and the vocabulary of the pages it reads, kept from page to page and from batch to
/// batch: the word numbers of the one are the keys of the other. Used by one task at a time.
final class TermRun: @unchecked Sendable {  // one task at a time reads pages through it
    var scanner = TokenScanner()
    let vocabulary = TermVocabulary()
}

/// The distinct tokens of the pages one scanner reads, each numbered once for all of them.
///
/// A token met again, on this page or an earlier one, is found by its scanner key: a CJK token
/// with one `KeyTable` lookup, a word by its number; only a token never met is hashed and copied. Each token also keeps which page last
/// counted it and where in that page's list, so a page needs no table of its own.
final class TermVocabulary: @unchecked Sendable {
    // Filled by one task at a time while pages are read; in the merge that follows, each group's
    // task reads the tokens and sets `groupToken` only for tokens of its own group.
    struct Entry {
        var prefixHash: UInt32
        /// The page that last counted the token, or -1, and the token's place in that page's list.
        var lastPage: Int32
        var slot: Int32
        /// The token's number in its group of the index, or -1 before the merge first meets it.
        var groupToken: Int32
    }

    private(set) var tokens = TokenTable(capacity: 1024)
    private var entries: UnsafeMutablePointer<Entry>
    private var capacity = 1024
    /// The token of each CJK key, and of each word by its number in the scanner (-1: none yet),
    /// a word found by its place rather than by a hash.
    private let cjkTokens = KeyTable(capacity: 1024)
    private var wordTokens: UnsafeMutablePointer<Int32>
    private var wordCapacity = 1024

    init() {
        entries = .allocate(capacity: capacity)
        wordTokens = .allocate(capacity: wordCapacity)
        wordTokens.initialize(repeating: -1, count: wordCapacity)
    }

    deinit {
        entries.deallocate()
        wordTokens.deallocate()
    }

    /// The token of scanner key `key` (`TokenScanner.scan`), `bytes`, numbered if it is new.
    @inline(__always)
    func number(_ bytes: UnsafeBufferPointer<UInt8>, isCJK: Bool, key: UInt64) -> Int {
        if isCJK {
            let known = cjkTokens.value(key)
            return known >= 0 ? known : add(bytes, isCJK: true, key: key)
        }
        // A word's key is its number in the scanner, counted from 0.
        if key < wordCapacity, wordTokens[Int(key)] >= 0 { return Int(wordTokens[Int(key)]) }
        return add(bytes, isCJK: false, key: key)
    }

    private func add(_ bytes: UnsafeBufferPointer<UInt8>, isCJK: Bool, key: UInt64) -> Int {
        // Two words may share a stem, so a new key may name a known token.
        let (number, isNew) = tokens.insert(bytes)
        if isNew {
            if number == capacity { (entries, capacity) = Self.doubled(entries, capacity, filling: nil) }
            let hash = isCJK ? TokenScanner.prefixHash(cjkKey: key) : TokenScanner.prefixHash(bytes, isCJK: false)
            entries[number] = Entry(prefixHash: hash, lastPage: -1, slot: 0, groupToken: -1)
        }
        if isCJK {
            cjkTokens.set(key, Int32(number))
        } else {
            while key >= wordCapacity { (wordTokens, wordCapacity) = Self.doubled(wordTokens, wordCapacity, filling: -1) }
            wordTokens[Int(key)] = Int32(number)
        }
        return number
    }

    /// `buffer` moved into one twice as large, the new half set to `filling` if there is one.
    private static func doubled<T>(_ buffer: UnsafeMutablePointer<T>, _ capacity: Int, filling: T?) -> (UnsafeMutablePointer<T>, Int) {
        let larger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: buffer, count: capacity)
        if let filling { (larger + capacity).initialize(repeating: filling, count: capacity) }
        buffer.deallocate()
        return (larger, capacity * 2)
    }

    @inline(__always)
    func entry(_ number: Int) -> UnsafeMutablePointer<Entry> {
        entries + number
    }

    func prefixHash(_ number: Int) -> UInt32 {
        entries[number].prefixHash
    }

    /// Token `number`'s place in `group` (which the token's group task owns), added there if new.
    @inline(__always)
    func groupToken(_ number: Int, in group: inout InvertedIndex.Group) -> Int {
        let known = Int(entries[number].groupToken)
        if known >= 0 { return known }
        let (entry, isNew) = tokens.withToken(number) { group.tokens.insert($0, hash: tokens.hashes[number]) }
        if isNew {
            group.prefixHashes.append(entries[number].prefixHash)
            _ = group.postings.addStream()
            group.postingCounts.append(0)
            group.lastDocuments.append(0)
        }
        entries[number].groupToken = Int32(entry)
        return entry
    }
}

/// Counts one page's tokens, field by field, as `TokenScanner` hands them over, by their numbers
/// in the run's vocabulary.
private struct PageCounter: TokenSink {
    let vocabulary: TermVocabulary
    let page: Int32
    /// The page's tokens in the order first met.
    var tokens: [Int32] = []
    /// Each of `tokens`' frequency in the three fields (`InvertedIndex.frequencyBits` each); room
    /// for as many tokens as the page has bytes.
    let counts: UnsafeMutablePointer<UInt64>
    private var shift: UInt64 = 0
    private(set) var fieldLength: Int32 = 0

    init(vocabulary: TermVocabulary, page: Int32, counts: UnsafeMutablePointer<UInt64>) {
        self.vocabulary = vocabulary
        self.page = page
        self.counts = counts
    }

    mutating func startField(_ field: Int) {
        shift = InvertedIndex.frequencyBits * UInt64(field)
        fieldLength = 0
    }

    @inline(__always)
    mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, position: Int, isCJK: Bool, key: UInt64) {
        fieldLength += 1
        let number = vocabulary.number(bytes, isCJK: isCJK, key: key)
        let entry = vocabulary.entry(number)
        let slot: Int
        if entry.pointee.lastPage == page {
            slot = Int(entry.pointee.slot)
        } else {
            slot = tokens.count
            entry.pointee.lastPage = page
            entry.pointee.slot = Int32(slot)
            tokens.append(Int32(number))
            counts[slot] = 0
        }
        if (counts[slot] >> shift) & InvertedIndex.frequencyMask < InvertedIndex.frequencyMask {
            counts[slot] += 1 << shift
        }
    }
}
