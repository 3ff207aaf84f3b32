import HashiContent
import HashiSupport

/// A light English suffix stripper, so shelters/shelter, evacuating/evacuation and flooding/flood
/// meet; `stem` in `Templates/assets/search.js` is the same rules.
///
/// Only words of plain ASCII letters are stemmed; a stem keeps at least three letters.
public enum Stemmer {
    /// Tried in order after the plural is removed; the first that leaves three letters wins. After
    /// the marked ones, `stopped` and `running` lose their doubled consonant.
    static let suffixes: [(letters: [UInt8], undoubles: Bool)] = [
        ("ation", false), ("ating", false), ("ated", false), ("ate", false), ("ingly", true), ("ing", true),
        ("ion", false), ("edly", true), ("ed", true), ("er", true), ("ment", false), ("ness", false),
        ("ly", false), ("e", false),
    ].map { (Array($0.0.utf8), $0.1) }

    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let count = stem(&bytes)
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }

    /// Stems the UTF-8 word in place and returns its new length in bytes (the index's path).
    static func stem(_ word: inout [UInt8]) -> Int {
        word.withUnsafeMutableBufferPointer { stem($0) }
    }

    /// Byte by byte, without a collection comparison: every new word of every page is stemmed.
    static func stem(_ word: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = word.count
        guard count > 3, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return count }
        func ends<Tail: Collection<UInt8>>(_ tail: Tail) -> Bool {
            guard count >= tail.count else { return false }
            var index = count - tail.count
            for byte in tail {
                guard word[index] == byte else { return false }
                index += 1
            }
            return true
        }
        func ends(_ suffix: StaticString) -> Bool {
            suffix.withUTF8Buffer { ends($0) }
        }
        if ends("ies"), count > 4 {
            word[count - 3] = UInt8(ascii: "y")
            count -= 2
        } else if ends("sses") {
            count -= 2
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            count -= 1
        }
        for (suffix, undoubles) in suffixes where count - suffix.count >= 3 && ends(suffix) {
            count -= suffix.count
            let last = word[count - 1]
            if undoubles, word[count - 2] == last, "bdfgmnprt".utf8.contains(last), count > 3 {
                count -= 1
            }
            break
        }
        return count
    }
}
