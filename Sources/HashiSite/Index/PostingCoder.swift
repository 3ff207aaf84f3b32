import Foundation
import HashiContent
import HashiSupport

/// Writes a posting list as a compact string (`decodePostings` in search.js reads it): base64url
/// characters of 5 bits each plus a "more follows" bit. For each page in order: the step from the
/// previous page number, then the weight as a two-character code (`weightCode`). Small numbers
/// take one character, so lists shrink several times against JSON.
enum PostingCoder {
    static func encode(_ postings: [SearchIndex.Posting], into out: inout [UInt8]) {
        var previous = 0
        for posting in postings {
            appendPosting(step: posting.document - previous, weight: weightCode(posting.weight), to: &out)
            previous = posting.document
        }
    }

    /// Steps of a weight's code: 60 a doubling, so a code is within 0.6 % of its weight, and the
    /// weights from 0.001 to 134 take two characters (a code of 0...1023). Thousandths took three
    /// for every weight over 1.023, which is most of them.
    static let codesPerDoubling = 60.0
    static let largestCode = 1023

    /// The code of a posting's weight: `codesPerDoubling` × log2 of the weight in thousandths.
    static func weightCode(_ weight: Double) -> Int {
        let code = (codesPerDoubling * log2(max(1, weight * 1000))).rounded()
        return min(largestCode, Int(code))
    }

    /// The weight a code stands for (`decodePostings` in search.js reads it the same way).
    static func weight(code: Int) -> Double {
        pow(2, Double(code) / codesPerDoubling) / 1000
    }

    /// One posting: the step from the previous page, then the weight's code.
    static func appendPosting(step: Int, weight: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * maximumLength) { buffer in
            let count = writePosting(step: step, weight: weight, at: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `appendPosting` at `out`, which has room for `2 * maximumLength` characters; returns how
    /// many it wrote. Every index file is written through here.
    @inline(__always)
    static func writePosting(step: Int, weight: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        let end = write(step, at: out)
        return end + write(weight, at: out + end)
    }

    /// One number, as `write` makes it.
    static func append(_ number: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<write(number, at: buffer.baseAddress!)]))
        }
    }

    /// The most characters one number takes (64 bits, 5 a character).
    static let maximumLength = 13

    /// Writes `number` at `out`, which has room for `maximumLength` characters; returns how many it
    /// wrote. For the index's inner loop, where a capacity check a character cost more than the digits.
    @inline(__always)
    static func write(_ number: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var value = UInt64(max(number, 0))
        var count = 0
        repeat {
            let low = Int(value & 31)
            value >>= 5
            out[count] = digit(value > 0 ? low | 32 : low)
            count += 1
        } while value > 0
        return count
    }

    /// The base64url character of `value` (0...63), worked out rather than read from a table: one is
    /// written for every number of every posting. `digitValue` is its inverse.
    @inline(__always)
    static func digit(_ value: Int) -> UInt8 {
        switch value {
        case 0..<26: return UInt8(65 + value)
        case 26..<52: return UInt8(97 - 26 + value)
        case 52..<62: return UInt8(48 - 52 + value)
        case 62: return UInt8(ascii: "-")
        default: return UInt8(ascii: "_")
        }
    }

    /// The number starting at `index`, and how many characters it takes.
    @inline(__always)
    static func read<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> (value: Int, length: Int)
    where Bytes.Index == Int {
        var value = 0
        var shift = 0
        var cursor = index
        while true {
            let digit = digitValue(bytes[cursor])
            value |= (digit & 31) << shift
            shift += 5
            cursor += 1
            if digit & 32 == 0 { return (value, cursor - index) }
        }
    }

    @inline(__always)
    private static func digitValue(_ digit: UInt8) -> Int {
        switch digit {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(digit) - 65
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(digit) - 97 + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(digit) - 48 + 52
        case UInt8(ascii: "-"): return 62
        default: return 63
        }
    }
}
