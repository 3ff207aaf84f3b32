/// Writes a posting list as a compact string (`decodePostings` in search.js reads it): base64url
/// characters of 5 bits each plus a "more follows" bit. For each page in order: the step from the
/// previous page number, the weight in thousandths, the number of positions, then the positions
/// as steps. Small numbers take one character, so lists shrink several times against JSON.
enum PostingCoder {
    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ postings: [SearchIndex.Posting], into out: inout [UInt8]) {
        var previous = 0
        for posting in postings {
            append(posting.document - previous, to: &out)
            previous = posting.document
            append(Int((posting.weight * 1000).rounded()), to: &out)
            append(posting.positions.count, to: &out)
            var last = 0
            for position in posting.positions {
                append(position - last, to: &out)
                last = position
            }
        }
    }

    static func append(_ number: Int, to out: inout [UInt8]) {
        var value = UInt64(max(number, 0))
        repeat {
            let low = Int(value & 31)
            value >>= 5
            out.append(digits[value > 0 ? low | 32 : low])
        } while value > 0
    }
}
