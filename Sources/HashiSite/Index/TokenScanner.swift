import HashiContent
import HashiSupport

/// The tokenizer's rules, run over normalised UTF-8 without making a String for each token: the
/// index calls it for millions of tokens. `SearchTokenizer.tokenize` is a thin wrapper around it,
/// so the rules live in this one place (and in `search.js`, checked by the shared vectors).
struct TokenScanner {
    /// A word without its apostrophes, then stemmed; reused from word to word.
    private var word: [UInt8] = []
    /// Each distinct word met so far and its stem (`stems.run(n)`): a page says most of its words
    /// many times, and stemming is the costly part of a word.
    private var seen = TokenTable(capacity: 256)
    /// The numbers of words of up to eight bytes, by their bytes as one integer (never 0: a word
    /// has no zero byte): most words, found again without hashing and comparing bytes.
    private let seenShort = KeyTable(capacity: 256)
    private let stems = ByteRuns()

    init() {
        word.reserveCapacity(64)
    }

    /// Calls `emit(bytes, position, isCJK, key)` for each token of `text` (normalised, see
    /// `SearchTokenizer.normalize`); positions count Unicode scalars from `offset`. Returns the
    /// number of scalars in `text`. The bytes passed to `emit` are only valid during the call.
    ///
    /// `key` names the token without its bytes, for callers that count tokens: for CJK, its one
    /// or two scalars (`cjkKey`); for a word, the number of the word before stemming, counted
    /// from 0 in the order this scanner first met each word (two words may share a stem). A
    /// scanner may be kept from page to page: the words it has met keep their numbers and stems.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, offset: Int,
                       emit: (UnsafeBufferPointer<UInt8>, Int, Bool, UInt64) -> Void) -> Int {
        withoutActuallyEscaping(emit) { emit in
            var sink = ClosureSink(emit: emit)
            return scan(text, offset: offset, into: &sink)
        }
    }

    /// `scan(_:offset:emit:)` with the tokens handed to `sink`, whose `token` method the compiler
    /// can inline into the loop: the index's path, a call for each of millions of tokens.
    mutating func scan<Sink: TokenSink>(_ text: UnsafeBufferPointer<UInt8>, offset: Int, into sink: inout Sink) -> Int {
        var index = 0
        var position = offset
        while index < text.count {
            if text[index] < 0x80 && !Self.isASCIIWordByte(text[index]) {
                index += 1
                position += 1
                continue
            }
            let (scalar, length) = text.scalar(at: index)
            if scalar >= 0x80 && SearchTokenizer.isCJK(scalar) {
                (index, position) = Self.scanCJKRun(text, at: index, position: position, into: &sink)
            } else if scalar < 0x80 || SearchTokenizer.isWordCharacter(scalar) {
                // (An ASCII byte here is a word byte: the others were skipped above.)
                if !word.isEmpty { word.removeAll(keepingCapacity: true) }
                // A word with an apostrophe is copied a run at a time, the apostrophe left out; any
                // other word is read where it stands.
                var run = index
                var next = index
                var nextPosition = position
                while next < text.count {
                    let byte = text[next]
                    if byte < 0x80 && Self.isASCIIWordByte(byte) {
                        next += 1
                        nextPosition += 1
                        continue
                    }
                    let (following, width) = text.scalar(at: next)
                    if SearchTokenizer.isWordCharacter(following) {
                        next += width
                        nextPosition += 1
                        continue
                    }
                    guard SearchTokenizer.isApostrophe(following), next + width < text.count,
                          SearchTokenizer.isWordCharacter(text.scalar(at: next + width).value) else { break }
                    word.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<next]))
                    next += width
                    nextPosition += 1
                    run = next
                }
                let (number, isNew): (Int, Bool)
                if run == index {
                    (number, isNew) = knownWord(text, index..<next)
                    if isNew { word.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<next])) }
                } else {
                    word.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<next]))
                    (number, isNew) = word.withUnsafeBufferPointer { seen.insert($0) }
                }
                if isNew {
                    let stemmed = Stemmer.stem(&word)
                    _ = word.withUnsafeBufferPointer { stems.append(UnsafeBufferPointer(rebasing: $0[0..<stemmed])) }
                }
                sink.token(stems.run(number), position: position, isCJK: false, key: UInt64(number))
                index = next
                position = nextPosition
            } else {
                index += length
                position += 1
            }
        }
        return position - offset
    }

    /// Overlapping bigrams of the CJK run at `start`; a run of one character stays a unigram.
    /// Returns where the run ends, in bytes and in scalars.
    @inline(__always)
    private static func scanCJKRun<Sink: TokenSink>(_ text: UnsafeBufferPointer<UInt8>, at start: Int, position: Int,
                                                    into sink: inout Sink) -> (Int, Int) {
        let (scalar, length) = text.scalar(at: start)
        var previous = start
        var previousScalar = scalar
        var previousPosition = position
        var next = start + length
        var nextPosition = position + 1
        while next < text.count {
            let (following, width) = text.scalar(at: next)
            guard SearchTokenizer.isCJK(following) else { break }
            sink.token(UnsafeBufferPointer(rebasing: text[previous..<(next + width)]), position: previousPosition, isCJK: true,
                       key: cjkKey(previousScalar, following))
            previous = next
            previousScalar = following
            previousPosition = nextPosition
            next += width
            nextPosition += 1
        }
        if nextPosition == position + 1 {
            sink.token(UnsafeBufferPointer(rebasing: text[start..<next]), position: position, isCJK: true, key: cjkKey(scalar, 0))
        }
        return (next, nextPosition)
    }

    /// The number of the word `text[range]`, and whether it is met for the first time; words of up
    /// to eight bytes are found by their bytes as one integer, without hashing them.
    @inline(__always)
    private mutating func knownWord(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Int, Bool) {
        let key = range.count <= 8 ? Self.shortKey(text, range) : 0
        let known = key == 0 ? -1 : seenShort.value(key)
        if known >= 0 { return (known, false) }
        let (number, isNew) = seen.insert(UnsafeBufferPointer(rebasing: text[range]))
        if key != 0 { seenShort.set(key, Int32(number)) }
        return (number, isNew)
    }

    /// The bytes of `text[range]` (at most eight) as one integer, the first in its low byte.
    @inline(__always)
    private static func shortKey(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        if range.lowerBound + 8 <= text.count {
            // Eight bytes read at once, those past the word masked off.
            let word = UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + range.lowerBound).loadUnaligned(as: UInt64.self))
            return range.count == 8 ? word : word & ((1 << (8 * UInt64(range.count))) - 1)
        }
        var key: UInt64 = 0
        for (shift, index) in range.enumerated() { key |= UInt64(text[index]) << (8 * UInt64(shift)) }
        return key
    }

    /// A CJK bigram (or, with `second` 0, a lone character) as one number: never 0, since a CJK
    /// scalar is, and scalars take 21 bits.
    @inline(__always)
    static func cjkKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(first) << 21 | UInt64(second)
    }

    /// `[a-z0-9]` (text is lowercased before it is scanned; `A-Z` is kept for the tokenizer's own callers).
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte &- 0x61) < 26 || (byte &- 0x30) < 10 || (byte &- 0x41) < 26
    }

    /// FNV-1a over the first scalar of a CJK token or the first two of a word: which shard holds
    /// it (`SearchIndexBuilder.shard(of:count:)`), so a prefix query finds all its tokens in one.
    static func prefixHash(_ token: UnsafeBufferPointer<UInt8>, isCJK: Bool) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        var index = 0
        for _ in 0..<(isCJK ? 1 : 2) where index < token.count {
            let (scalar, length) = token.scalar(at: index)
            hash = (hash ^ scalar) &* 16_777_619
            index += length
        }
        return hash
    }

    /// `prefixHash` of a CJK token from its key, whose high bits are its first character.
    @inline(__always)
    static func prefixHash(cjkKey key: UInt64) -> UInt32 {
        (2_166_136_261 ^ UInt32(truncatingIfNeeded: key >> 21)) &* 16_777_619
    }
}

/// Where `TokenScanner` hands its tokens: `token` is called once a token, in text order, with
/// bytes valid only during the call (see `TokenScanner.scan(_:offset:emit:)` for `key`).
protocol TokenSink {
    mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, position: Int, isCJK: Bool, key: UInt64)
}

/// A closure as a sink, for callers that take each token as it comes.
private struct ClosureSink: TokenSink {
    let emit: (UnsafeBufferPointer<UInt8>, Int, Bool, UInt64) -> Void

    func token(_ bytes: UnsafeBufferPointer<UInt8>, position: Int, isCJK: Bool, key: UInt64) {
        emit(bytes, position, isCJK, key)
    }
}
