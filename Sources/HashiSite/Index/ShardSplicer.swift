import HashiContent
import HashiSupport

/// Changes a shard file of an earlier build in place of making it anew: every posting of the
/// edited pages is taken out, and their new postings in this shard are put in, each list kept in
/// page order and the tokens in byte order, exactly as a whole build writes them.
enum ShardSplicer {
    /// One page's posting of a token: its weight's code.
    private struct Posting {
        var document: Int32
        var weight: Int
    }

    /// The new `{…}` of the shard file `file`, or nil when it is not a file hashi wrote.
    static func splice(_ file: [UInt8], shard: Int, of count: Int,
                       replacing edited: [Int32: (terms: PageTerms, norms: [Double])]) -> String? {
        guard var lists = parse(file, dropping: Set(edited.keys)) else { return nil }
        for (document, page) in edited {
            let terms = page.terms
            for token in 0..<terms.count where Int(terms.prefixHash(token)) & (count - 1) == shard {
                let posting = Posting(document: document,
                                      weight: InvertedIndex.weight(frequencies: terms.frequencies[token], norms: page.norms[...]))
                terms.withToken(token) { lists[Array($0), default: []].append(posting) }
            }
        }
        var out: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        for token in lists.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let postings = lists[token]!.sorted { $0.document < $1.document }
            guard !postings.isEmpty else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            token.withUnsafeBufferPointer { ScriptJSON.quote($0, to: &out) }
            out += ":\"".utf8
            var previous: Int32 = 0
            for posting in postings {
                PostingCoder.appendPosting(step: Int(posting.document - previous), weight: posting.weight, to: &out)
                previous = posting.document
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The posting lists of a shard file, without those of the pages in `dropping`.
    private static func parse(_ file: [UInt8], dropping: Set<Int32>) -> [[UInt8]: [Posting]]? {
        guard var cursor = file.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        cursor += 1
        var lists: [[UInt8]: [Posting]] = [:]
        func string() -> ArraySlice<UInt8>? {
            guard cursor < file.count, file[cursor] == UInt8(ascii: "\"") else { return nil }
            let start = cursor + 1
            guard let end = file[start...].firstIndex(of: UInt8(ascii: "\"")),
                  !file[start..<end].contains(UInt8(ascii: "\\")) else { return nil }
            cursor = end + 1
            return file[start..<end]
        }
        while cursor < file.count, file[cursor] != UInt8(ascii: "}") {
            if file[cursor] == UInt8(ascii: ",") { cursor += 1 }
            guard let token = string(), cursor < file.count, file[cursor] == UInt8(ascii: ":") else { return nil }
            cursor += 1
            guard let encoded = string() else { return nil }
            var postings: [Posting] = []
            var at = encoded.startIndex
            var document: Int32 = 0
            while at < encoded.endIndex {
                let (step, stepLength) = PostingCoder.read(file, at: at)
                at += stepLength
                guard at < encoded.endIndex else { return nil }
                let (weight, weightLength) = PostingCoder.read(file, at: at)
                at += weightLength
                guard at <= encoded.endIndex else { return nil }
                document += Int32(step)
                if !dropping.contains(document) { postings.append(Posting(document: document, weight: weight)) }
            }
            lists[Array(token)] = postings
        }
        return cursor < file.count ? lists : nil
    }
}
