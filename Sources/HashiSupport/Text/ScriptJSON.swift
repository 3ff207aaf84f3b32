
/// A JSON value written with sorted keys and shortest round-trip numbers, so index files are
/// byte-for-byte the same from build to build. Written as UTF-8 bytes: index files are large.
package indirect enum ScriptJSON {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([ScriptJSON])
    case object([String: ScriptJSON])

    package var text: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    package func write(to out: inout [UInt8]) {
        switch self {
        case .bool(let value):
            out += (value ? "true" : "false").utf8
        case .int(let value):
            out += String(value).utf8
        case .double(let value):
            out += (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)).utf8
        case .string(let value):
            Self.quote(value, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key]!.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes quotes, backslashes, `<`, control characters and the two line separators
    /// (U+2028, U+2029) that old script parsers reject; everything else is copied as it is.
    package static func quote(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { quote($0, to: &out) }
    }

    /// Whether any of eight bytes is below 0x20 or one of `"`, `\`, `<` and 0xE2 (which starts
    /// U+2028 and U+2029): the bit tricks of "a zero byte in a word", checked for each.
    @inline(__always)
    package static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        // Below 0x20: subtracting 0x20 from a byte of its own sets its high bit, unless it was
        // already set (a byte of 0x80 or more) — the `~word` keeps those out.
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0x3C))
            || hasZero(word ^ (ones &* 0xE2))
    }

    package static func quote(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied whole.
        var plain = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs a look.
            while index + 8 <= bytes.count,
                  !Self.mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == 0xE2 else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<index]))
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case UInt8(ascii: "\n"): out += "\\n".utf8
            case UInt8(ascii: "\r"): out += "\\r".utf8
            case UInt8(ascii: "\t"): out += "\\t".utf8
            case UInt8(ascii: "<"): out += "\\u003c".utf8
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                index += 2
            default:
                out.append(byte)
            }
            index += 1
            plain = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<index]))
        out.append(UInt8(ascii: "\""))
    }
}
