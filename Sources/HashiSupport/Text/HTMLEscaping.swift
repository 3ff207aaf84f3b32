
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
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
    }
}
