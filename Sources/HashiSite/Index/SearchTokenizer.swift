import Foundation
import HashiContent
import HashiSupport

/// A word or CJK bigram of normalised text, and where it starts.
public struct SearchToken: Sendable, Equatable, CustomStringConvertible {
    /// The indexed form: stemmed Latin word, or one or two CJK characters.
    public var text: String
    /// Offset of the first character, in Unicode scalars of the normalised text; CJK bigrams
    /// of one run sit at consecutive offsets, which is what the phrase check relies on.
    public var position: Int

    public init(_ text: String, at position: Int) {
        self.text = text
        self.position = position
    }

    public var description: String { "\(text)@\(position)" }
}

/// Splits text into search tokens; `Templates/assets/search.js` repeats it step for step, and
/// `Tests/HashiKitTests/Vectors/tokenizer.json` keeps the two identical.
///
/// NFKC then lowercase, then folded (`fold`); runs of Han, kana, Hangul, Thai, Lao, Khmer and
/// Myanmar, scripts written without spaces between words, become overlapping bigrams (a lone
/// character stays a unigram); other letters, marks and digits make words, which are stemmed.
public struct SearchTokenizer: Sendable {
    public init() {}

    /// NFKC folds full-width `ＡＥＤ` and half-width `ｼｪﾙﾀｰ` into `aed` and `シェルター`.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedUTF8(text), as: UTF8.self)
    }

    /// `normalize` as UTF-8 bytes, which is what the scanner reads.
    static func normalizedUTF8(_ text: String) -> [UInt8] {
        fastNormalized(text) ?? Array(fold(text.precomposedStringWithCompatibilityMapping.lowercased()).utf8)
    }

    /// What a reader may leave out when typing: a Latin letter's marks (`động` → `dong`, and `đ` → `d`),
    /// Arabic harakat and tatweel, and the hamza or madda of an alef (`أ إ آ ٱ` → `ا`). Other scripts'
    /// marks (Devanagari, Thai) stay: they change the letter. Text without such characters is returned as is.
    static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { mayFold($0.value) }) else { return text }
        var folded = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0300...0x036F where isLatin(previous): continue
            case 0x064B...0x0652, 0x0670, 0x0640: continue
            case 0x0653...0x0655 where previous == 0x0627: continue
            case 0x0111: folded.append("d")
            case 0x0671: folded.append("\u{0627}")
            default: folded.append(scalar)
            }
            previous = value == 0x0671 ? 0x0627 : value == 0x0111 ? 0x64 : value
        }
        return String(folded).precomposedStringWithCanonicalMapping
    }

    /// Latin letters with marks, đ, and Arabic: the characters `fold` may change.
    @inline(__always)
    static func mayFold(_ value: UInt32) -> Bool {
        (value >= 0xC0 && value <= 0x24F) || (value >= 0x1E00 && value <= 0x1EFF) || (value >= 0x0300 && value <= 0x036F)
            || (value >= 0x0600 && value <= 0x06FF)
    }

    /// A base a Latin mark may sit on.
    @inline(__always)
    static func isLatin(_ value: UInt32) -> Bool {
        (value >= 0x41 && value <= 0x7A) || (value >= 0xC0 && value <= 0x24F) || (value >= 0x1E00 && value <= 0x1EFF)
    }

    /// The same result as NFKC plus lowercase for text made only of characters whose mapping is
    /// known and needs no neighbour (ASCII, kana, common kanji and punctuation, full-width ASCII),
    /// which is nearly all of a Japanese or English page; nil sends other text the long way.
    static func fastNormalized(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            // No character the shortcut takes grows: the output fits in the input's length.
            var complete = true
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, written in
                var index = 0
                var end = 0
                while index < bytes.count {
                    // Eight ASCII bytes at once, most of an English page.
                    if index + 8 <= bytes.count, let word = Self.lowercasedASCII(bytes, at: index) {
                        UnsafeMutableRawPointer(out.baseAddress! + end).storeBytes(of: word, as: UInt64.self)
                        end += 8
                        index += 8
                        continue
                    }
                    let byte = bytes[index]
                    if byte < 0x80 {
                        out[end] = byte &- 0x41 < 26 ? byte + 0x20 : byte
                        end += 1
                        index += 1
                        continue
                    }
                    // Every character the shortcut takes is three bytes long in UTF-8. Han from
                    // U+4E00 to U+9FFF (lead byte E4 with B8 or more, or E5 to E9) stays as it is.
                    if byte &- 0xE5 < 5 || (byte == 0xE4 && bytes[index + 1] >= 0xB8) {
                        out[end] = byte
                        out[end + 1] = bytes[index + 1]
                        out[end + 2] = bytes[index + 2]
                        end += 3
                        index += 3
                        continue
                    }
                    let value = bytes.scalar(at: index).value
                    switch value {
                    case 0x4E00...0x9FFF, 0x3041...0x3096, 0x30A1...0x30FE, 0x309D...0x309E, 0x2010, 0x2012...0x2016,
                         0x2018...0x2023, 0x3001...0x3003, 0x3005...0x3011:
                        out[end] = byte
                        out[end + 1] = bytes[index + 1]
                        out[end + 2] = bytes[index + 2]
                        end += 3
                    case 0xFF21...0xFF3A:
                        out[end] = UInt8(value - 0xFEE0 + 0x20)
                        end += 1
                    case 0xFF01...0xFF5E:
                        out[end] = UInt8(value - 0xFEE0)
                        end += 1
                    case 0x3000:
                        out[end] = 0x20
                        end += 1
                    case 0x2026:
                        out[end] = 0x2E
                        out[end + 1] = 0x2E
                        out[end + 2] = 0x2E
                        end += 3
                    default:
                        complete = false
                    }
                    guard complete else { break }
                    index += 3
                }
                written = complete ? end : 0
            }
            return complete ? out : nil
        }
    }

    /// The eight bytes at `index` lowercased, if they are all ASCII: a byte from `A` (0x41) to `Z`
    /// (0x5A) is the one whose high bit adding 0x3F sets and adding 0x25 does not, and gains 0x20.
    @inline(__always)
    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return nil }
        let upper = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & high
        return word | (upper >> 2)
    }

    public func tokens(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        _ = tokenize(text, offset: 0) { tokens.append($0) }
        return tokens
    }

    /// Calls `emit` with each token of `text`, positions shifted by `offset`; returns the length
    /// of the normalised text, so fields can follow one another without touching.
    public func tokenize(_ text: String, offset: Int, emit: (SearchToken) -> Void) -> Int {
        var scanner = TokenScanner()
        return Self.normalizedUTF8(text).withUnsafeBufferPointer { bytes in
            scanner.scan(bytes, offset: offset) { token, position, _, _ in
                emit(SearchToken(String(decoding: token, as: UTF8.self), at: position))
            }
        }
    }

    /// Han (with 々 〆 〇), Hiragana, Katakana with ー but not the middle dot ・, Hangul, and the scripts
    /// written without spaces between words: Thai, Lao, Myanmar and Khmer (with their marks).
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        isCJK(scalar.value)
    }

    @inline(__always)
    static func isCJK(_ value: UInt32) -> Bool {
        // The ranges are tried in order: Han, hiragana and katakana, nearly every character of a
        // Japanese page, come first.
        switch value {
        case 0x4E00...0x9FFF, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x3005...0x3007, 0x309D...0x309F,
             0x31F0...0x31FF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x323AF,
             0x1100...0x11FF, 0x3131...0x318E, 0xAC00...0xD7A3,
             0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x19E0...0x19FF, 0xA9E0...0xA9FF, 0xAA60...0xAA7F:
            return true
        default:
            return false
        }
    }

    /// Letters, marks and digits outside CJK: the `\p{L}\p{M}\p{N}` of the script.
    /// Answered for ASCII and the punctuation of Japanese text without a Unicode property lookup:
    /// it is asked for every character the index reads.
    @inline(__always)
    static func isWordCharacter(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        switch value {
        case 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0x30FB:
            return false  // spaces, general punctuation, CJK brackets and marks, the katakana middle dot
        default:
            guard let scalar = Unicode.Scalar(value) else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                return !isCJK(value)
            default:
                return false
            }
        }
    }

    /// `women's` and `women’s` stay one word.
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019
    }
}
