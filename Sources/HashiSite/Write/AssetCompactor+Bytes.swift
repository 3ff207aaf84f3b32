import Foundation
import HashiSupport

/// `css` and `javaScript` on bytes, for a text whose every character is one scalar: then each ASCII
/// byte is a character of its own, a byte never equals `/`, `*`, a quote or a space inside a longer
/// scalar, and the rules read the same. Tested against the character-by-character rules.
extension AssetCompactor {
    static func quickCSS(_ text: String) -> String {
        var text = text
        let kept = text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var quote: UInt8?
            var comment = false
            var previous = Byte.space
            for byte in bytes {
                if comment {
                    if previous == Byte.star && byte == Byte.slash { comment = false; previous = Byte.space } else { previous = byte }
                    continue
                }
                if let open = quote {
                    out.append(byte)
                    if byte == open && previous != Byte.backslash { quote = nil }
                    previous = byte
                    continue
                }
                if byte == Byte.star && out.last == Byte.slash {
                    out.removeLast()
                    comment = true
                    previous = Byte.space
                    continue
                }
                if byte == Byte.doubleQuote || byte == Byte.singleQuote { quote = byte }
                out.append(byte)
                previous = byte
            }
            return out
        }
        return kept.withUnsafeBufferPointer { quickLines($0) }
    }

    static func quickJavaScript(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var inComment = false
            var start = 0
            while start <= bytes.count {
                let end = bytes.firstIndex(of: Byte.newline, from: start) ?? bytes.count
                var first = start
                while first < end, bytes[first] == Byte.space || bytes[first] == Byte.tab { first += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[first..<end])
                start = end + 1
                if inComment {
                    if line.contains(Byte.star, Byte.slash) { inComment = !line.ends(with: Byte.star, Byte.slash) }
                    continue
                }
                if line.starts(with: "//".utf8) { continue }
                if line.starts(with: "/*".utf8) {
                    inComment = !line.contains(Byte.star, Byte.slash)
                    if inComment || line.ends(with: Byte.star, Byte.slash) { continue }
                }
                if line.firstIndex(of: Byte.backtick, from: 0) != nil || line.last == Byte.backslash { return nil }
                // Each line ended by `\n` rather than joined by it: `quickLines` drops the empty last one.
                kept += line
                kept.append(Byte.newline)
            }
            return kept.withUnsafeBufferPointer { quickLines($0) }
        }
    }

    /// `lines` on bytes: each line without its leading and trailing spaces and tabs (or, when it
    /// would keep a byte of another script at an end, as `lines` trims it), and no empty line.
    private static func quickLines(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var start = 0
        while start < bytes.count {
            let end = bytes.firstIndex(of: Byte.newline, from: start) ?? bytes.count
            var first = start
            var last = end
            while first < last, bytes[first] == Byte.space || bytes[first] == Byte.tab { first += 1 }
            while last > first, bytes[last - 1] == Byte.space || bytes[last - 1] == Byte.tab { last -= 1 }
            if first < last && (bytes[first] >= 0x80 || bytes[last - 1] >= 0x80) {
                // Another script's space (U+3000) may be trimmed too.
                let line = UTF8Text.string(UnsafeBufferPointer(rebasing: bytes[first..<last]))
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { out += trimmed.utf8; out.append(Byte.newline) }
            } else if first < last {
                out += UnsafeBufferPointer(rebasing: bytes[first..<last])
                out.append(Byte.newline)
            }
            start = end + 1
        }
        if out.isEmpty { out.append(Byte.newline) }
        return UTF8Text.string(out)
    }

    private enum Byte {
        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        static let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\")
        static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backtick = UInt8(ascii: "`")
    }
}

private extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the two bytes `first`, `second` (`*/`) occur here one after the other.
    func contains(_ first: UInt8, _ second: UInt8) -> Bool {
        var index = 1
        while index < count {
            if self[index] == second && self[index - 1] == first { return true }
            index += 1
        }
        return false
    }

    func ends(with first: UInt8, _ second: UInt8) -> Bool {
        count >= 2 && self[count - 2] == first && self[count - 1] == second
    }
}
