import Foundation

/// UTF-8 checked and turned into `String` faster than the standard library does it for text that
/// is not ASCII: its check takes about ten instructions a byte of Japanese, and `String(decoding:)`
/// checks again bytes hashi already knows are valid (cmark's output of a checked input, pieces of
/// a `String`). Tested against `String(validating:)`.
package enum UTF8Text {
    /// Whether `bytes` are valid UTF-8, by the standard library's rule (no overlong forms, no
    /// surrogates, nothing past U+10FFFF): runs of ASCII eight bytes at a time, then a scalar at a time.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                continue
            }
            if lead & 0xF0 == 0xE0, index + 4 <= count {
                // A run of three-byte scalars (kana, kanji): lead and continuations checked at once.
                let run = threeByteRun(base, from: index, count: count)
                if run > index {
                    index = run
                    continue
                }
            }
            let length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
            guard length > 0, index + length <= count else { return false }
            let second = base[index + 1]
            guard second & 0xC0 == 0x80 else { return false }
            switch lead {
            case 0xE0: guard second >= 0xA0 else { return false }  // overlong
            case 0xED: guard second <= 0x9F else { return false }  // a surrogate
            case 0xF0: guard second >= 0x90 else { return false }  // overlong
            case 0xF4: guard second <= 0x8F else { return false }  // past U+10FFFF
            default: break
            }
            if length > 2 { guard base[index + 2] & 0xC0 == 0x80 else { return false } }
            if length > 3 { guard base[index + 3] & 0xC0 == 0x80 else { return false } }
            index += length
        }
        return true
    }

    /// Where a run of valid three-byte scalars from `start` ends (each read as a word, so the last
    /// byte of the buffer is left to the caller); `start` when the first is not one.
    @inline(__always)
    private static func threeByteRun(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        while index &+ 4 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self).littleEndian
            guard word & 0x00C0_C0F0 == 0x0080_80E0 else { break }
            let lead = word & 0xFF, second = (word >> 8) & 0xFF
            // E0 must not be overlong, ED must not be a surrogate.
            if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F { break }
            index &+= 3
        }
        return index
    }

    /// A `String` of bytes known to be valid UTF-8, copied without checking them again (debug
    /// builds still check).
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        assert(String(validating: bytes, as: UTF8.self) != nil, "not valid UTF-8")
        #if compiler(>=6.2)
        if #available(macOS 26, *) {
            return String(copying: UTF8Span(unchecked: bytes.span))
        }
        #endif
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same for an array of bytes known to be valid UTF-8.
    package static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// The same for bytes of a C string from a library that writes valid UTF-8, up to its NUL.
    package static func string(cString: UnsafePointer<CChar>) -> String {
        cString.withMemoryRebound(to: UInt8.self, capacity: 1) { string(UnsafeBufferPointer(start: $0, count: strlen(cString))) }
    }
}
