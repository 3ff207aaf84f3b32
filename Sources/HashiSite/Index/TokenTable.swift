import Foundation
import HashiContent
import HashiSupport

/// Distinct tokens kept as bytes in one buffer, each numbered in the order first seen and found
/// again by hash (open addressing), so counting tokens makes no String and no allocation per token.
struct TokenTable {
    /// Every token's bytes, one after another; token `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int32] = [0]
    private(set) var hashes: [UInt64] = []
    /// Token numbers by hash; -1 is a free slot. Kept at most half full.
    private var slots: [Int32]

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
    }

    var count: Int { hashes.count }

    /// The number of `token`, adding it if it is new.
    @inline(__always)
    mutating func insert(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { break }
            if hashes[number] == hash && equals(number, token) { return (number, false) }
            slot = (slot + 1) & mask
        }
        let number = hashes.count
        slots[slot] = Int32(number)
        hashes.append(hash)
        bytes.append(contentsOf: token)
        starts.append(Int32(bytes.count))
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    mutating func insert(_ token: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        insert(token, hash: Self.hash(token))
    }

    /// Calls `body` with the bytes of token `number`.
    func withToken<T>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[number])..<Int(starts[number + 1])]))
        }
    }

    func string(_ number: Int) -> String {
        withToken(number) { String(decoding: $0, as: UTF8.self) }
    }

    /// Token order by bytes, which for UTF-8 is the order of Unicode scalars (and of Swift's `<`
    /// on these normalised tokens).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            all[Int(starts[a])..<Int(starts[a + 1])].lexicographicallyPrecedes(all[Int(starts[b])..<Int(starts[b + 1])])
        }
    }

    /// Drops the hash slots once no more tokens will be added, keeping the tokens.
    mutating func freeze() {
        slots = [0]
    }

    private func equals(_ number: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number])
        let end = Int(starts[number + 1])
        guard end - start == token.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            memcmp(all.baseAddress! + start, token.baseAddress!, token.count) == 0
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = larger.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] >= 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(number)
        }
        slots = larger
    }

    /// The table's own hash of a token: one multiply for each eight bytes and a final mix, about
    /// half the work of `StableHasher`, for the millions of tokens the index counts. Token
    /// numbers, not hashes, reach the index files, so this hash may change freely.
    @inline(__always)
    static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(token.count)
        var index = 0
        if let base = token.baseAddress {
            while index + 8 <= token.count {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                index += 8
            }
        }
        var last: UInt64 = 0
        for offset in index..<token.count { last |= UInt64(token[offset]) << (8 * UInt64(offset - index)) }
        hash = (hash ^ last) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }
}

/// Numbers by nonzero 64-bit key (open addressing, at most half full): finding a token met before
/// by its scanner key costs one multiply, where the token table hashes and compares its bytes.
///
/// A class over one buffer of key and number side by side, read through a pointer: it is asked for
/// every token of every page, and two arrays cost two cache lines and their checks a lookup. Each
/// scanner or page owns its table alone.
final class KeyTable {
    private struct Slot {
        /// 0 is a free slot.
        var key: UInt64
        var value: Int32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Self.allocate(size)
        mask = size - 1
    }

    deinit { slots.deallocate() }

    /// The number set for `key`, or -1.
    @inline(__always)
    func value(_ key: UInt64) -> Int {
        var slot = Self.slot(key, mask: mask)
        while true {
            let found = slots[slot].key
            if found == key { return Int(slots[slot].value) }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the number of a `key` not yet in the table.
    func set(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > mask + 1 { grow() }
        place(key, value)
        count += 1
    }

    private func grow() {
        let (old, oldSize) = (slots, mask + 1)
        slots = Self.allocate(oldSize * 2)
        mask = oldSize * 2 - 1
        for index in 0..<oldSize where old[index].key != 0 { place(old[index].key, old[index].value) }
        old.deallocate()
    }

    private func place(_ key: UInt64, _ value: Int32) {
        var slot = Self.slot(key, mask: mask)
        while slots[slot].key != 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(key: key, value: value)
    }

    private static func allocate(_ size: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: size)
        slots.initialize(repeating: Slot(key: 0, value: -1), count: size)
        return slots
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}

/// Runs of bytes kept one after another in one buffer, each found by its number (the order it
/// was added). A class over pointers, like `KeyTable`: the scanner reads a word's stem from here
/// for every word of every page, and reading an array's buffer there cost a reference count each time.
final class ByteRuns {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 1024
    private var byteCount = 0
    /// Run `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private var starts: UnsafeMutablePointer<Int32>
    private var startCapacity = 256
    private(set) var count = 0

    init() {
        bytes = .allocate(capacity: byteCapacity)
        starts = .allocate(capacity: startCapacity)
        starts[0] = 0
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
    }

    /// Adds `run`; returns its number.
    func append(_ run: UnsafeBufferPointer<UInt8>) -> Int {
        while byteCount + run.count > byteCapacity { bytes = Self.moved(bytes, count: byteCount, to: &byteCapacity) }
        if count + 2 > startCapacity { starts = Self.moved(starts, count: count + 1, to: &startCapacity) }
        if let base = run.baseAddress { (bytes + byteCount).update(from: base, count: run.count) }
        byteCount += run.count
        count += 1
        starts[count] = Int32(byteCount)
        return count - 1
    }

    /// The bytes of run `number`, valid until the next `append`.
    @inline(__always)
    func run(_ number: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(starts[number]), count: Int(starts[number + 1] - starts[number]))
    }

    private static func moved<T>(_ buffer: UnsafeMutablePointer<T>, count: Int, to capacity: inout Int) -> UnsafeMutablePointer<T> {
        capacity *= 2
        let larger = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        larger.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        return larger
    }
}
