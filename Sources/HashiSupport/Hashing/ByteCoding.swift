/// Where values written in `ByteWriter`'s format go: into bytes, or (`StableHasher`) straight into
/// a key, so that one list of a value's fields makes both its stored form and its key.
package protocol ByteSink {
    mutating func write(_ value: Int)
    mutating func write(_ value: UInt64)
    mutating func write(_ value: Bool)
    mutating func write(_ text: String)
}

extension ByteSink {
    package mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    package mutating func write<T>(_ values: [T], _ each: (inout Self, T) -> Void) {
        write(values.count)
        for value in values { each(&self, value) }
    }
}

extension StableHasher: ByteSink {
    package mutating func write(_ value: Int) { combine(value) }
    package mutating func write(_ value: UInt64) { combine(value) }
    package mutating func write(_ value: Bool) { combine(value) }
    package mutating func write(_ text: String) { combine(text) }
}

/// Appends values as bytes: integers as LEB128, strings as their length and UTF-8. The format of
/// `.hashi/` files, read back by `ByteReader`.
package struct ByteWriter: ByteSink {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    /// Another writer's bytes as one part, its length first, which `ByteReader.part()` can skip
    /// over, so that parts can be read on several cores at once.
    package mutating func writePart(_ part: ByteWriter) {
        write(part.bytes.count)
        bytes += part.bytes
    }

    package mutating func write(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    package mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    package mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    package mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes += utf8
        }
    }

    /// The first `count` bytes of `text`'s UTF-8 as a string (`count` at a character's start).
    package mutating func write(utf8Prefix count: Int, of text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(count)
            bytes += utf8[..<count]
        }
    }

}

/// Reads what `ByteWriter` wrote; any inconsistency (a cut or foreign file) makes it fail, and the
/// caller then starts from nothing instead of trusting the file.
package struct ByteReader {
    package struct Malformed: Error {
        package init() {}
    }

    private let bytes: [UInt8]
    private var index: Int
    /// Where the part being read ends (`bytes.count` for the whole).
    private let end: Int

    package init(_ bytes: [UInt8]) {
        self.init(bytes, range: 0..<bytes.count)
    }

    /// Reads only `range` of `bytes` (a part another reader found with `part()`).
    package init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        index = range.lowerBound
        end = range.upperBound
    }

    package var isAtEnd: Bool { index == end }

    /// The range of a part `ByteWriter.writePart` wrote (its length, then its bytes), skipped over.
    package mutating func part() throws(Malformed) -> Range<Int> {
        let count = try int()
        guard count >= 0, count <= end - index else { throw Malformed() }
        defer { index += count }
        return index..<(index + count)
    }

    package mutating func int() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < end, shift < 64 else { throw Malformed() }
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    package mutating func uint64() throws(Malformed) -> UInt64 {
        guard index + 8 <= end else { throw Malformed() }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
        index += 8
        return value
    }

    package mutating func bool() throws(Malformed) -> Bool {
        guard index < end else { throw Malformed() }
        index += 1
        return bytes[index - 1] != 0
    }

    package mutating func string() throws(Malformed) -> String {
        let count = try int()
        guard count >= 0, count <= end - index else { throw Malformed() }
        defer { index += count }
        return String(decoding: bytes[index..<(index + count)], as: UTF8.self)
    }

    package mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    package mutating func array<T>(_ each: (inout ByteReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try int()
        guard count >= 0, count <= end - index else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try each(&self)) }
        return values
    }
}
