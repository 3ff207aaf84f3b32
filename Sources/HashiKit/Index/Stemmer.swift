/// A light English suffix stripper, so shelters/shelter, evacuating/evacuation and flooding/flood
/// meet; `stem` in `Templates/assets/search.js` is the same rules.
///
/// Only words of plain ASCII letters are stemmed; a stem keeps at least three letters.
public enum Stemmer {
    /// Tried in order after the plural is removed; the first that leaves three letters wins.
    static let suffixes = ["ation", "ating", "ated", "ate", "ingly", "ing", "ion", "edly", "ed", "er",
                           "ment", "ness", "ly", "e"]
    /// After these, `stopped` and `running` lose their doubled consonant.
    static let undoubling: Set<String> = ["ing", "ingly", "ed", "edly", "er"]

    public static func stem(_ word: String) -> String {
        guard word.count > 3, word.unicodeScalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else {
            return word
        }
        var stem = word
        if stem.hasSuffix("ies"), stem.count > 4 {
            stem = String(stem.dropLast(3)) + "y"
        } else if stem.hasSuffix("sses") {
            stem = String(stem.dropLast(2))
        } else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            stem = String(stem.dropLast())
        }
        for suffix in suffixes where stem.hasSuffix(suffix) && stem.count - suffix.count >= 3 {
            stem = String(stem.dropLast(suffix.count))
            if undoubling.contains(suffix), let last = stem.last, stem.dropLast().last == last,
               "bdfgmnprt".contains(last), stem.count > 3 {
                stem = String(stem.dropLast())
            }
            break
        }
        return stem
    }
}
