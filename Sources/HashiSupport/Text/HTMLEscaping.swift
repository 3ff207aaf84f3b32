
/// Escaping for text placed in HTML: by the generator itself, and by templates for every `{{name}}`.
package enum HTMLEscaping {
    package static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 16)
        append(value.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    package static func attribute(_ value: String) -> String { text(value) }

    /// `& < > " '` as entities, byte by byte; every other byte as it is.
    package static func append<Bytes: Sequence>(_ bytes: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
        for byte in bytes {
            if isSpecial(byte) {
                appendEntity(byte, to: &out)
            } else {
                out.append(byte)
            }
        }
    }

    /// The same for bytes in memory, copying each run without a special byte at once and passing
    /// eight bytes at a time while none is special: the form the templates use for every
    /// `{{name}}` of every page. Tested against the byte-by-byte one.
    package static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var copied = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count,
               !hasSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            if isSpecial(base[index]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                appendEntity(base[index], to: &out)
                copied = index + 1
            }
            index += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }

    /// Whether any of eight bytes is special: `x | 1 == '` finds `&` and `'`, `x | 2 == >` finds
    /// `<` and `>`, and a byte equal to its pattern is a zero byte of the XOR, which
    /// `(v - 0x01…) & ~v & 0x80…` finds exactly.
    @inline(__always)
    private static func hasSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let quote = word ^ (ones &* 0x22)
        let ampersandOrApostrophe = (word | ones) ^ (ones &* 0x27)
        let angleBracket = (word | (ones &* 0x02)) ^ (ones &* 0x3E)
        return (zeroBytes(quote) | zeroBytes(ampersandOrApostrophe) | zeroBytes(angleBracket)) & (ones &* 0x80) != 0
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        // `"` 0x22, `&` 0x26, `'` 0x27, `<` 0x3C, `>` 0x3E: one range check lets most bytes through.
        byte >= 0x22 && byte <= 0x3E && (byte == 0x22 || byte == 0x26 || byte == 0x27 || byte == 0x3C || byte == 0x3E)
    }

    private static func appendEntity(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "\""): out += "&quot;".utf8
        default: out += "&#39;".utf8
        }
    }
}
