/// A 64-bit hash that is the same in every run and on every machine (Swift's `Hasher` is seeded
/// anew in each process), for the keys hashi keeps between builds. Eight bytes a step.
package struct StableHasher {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0

    package init() {}

    package mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail)
        length &+= UInt64(bytes.count)
        mix(length)
    }

    package mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    package mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    package mutating func combine(_ value: Int) {
        mix(UInt64(bitPattern: Int64(value)))
    }

    package mutating func combine(_ value: UInt64) {
        mix(value)
    }

    package mutating func combine(_ value: Bool) {
        mix(value ? 0x5A : 0xA5)
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
        state = (state << 31 | state >> 33) &* 0xC4CE_B9FE_1A85_EC53
    }

    package func finalize() -> UInt64 {
        var value = state
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        return value
    }

    /// The hash of one text: `hash(_:)` without the array of its parts.
    package static func hash(_ text: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    package static func hash(_ parts: String...) -> UInt64 {
        var hasher = StableHasher()
        for part in parts { hasher.combine(part) }
        return hasher.finalize()
    }
}
