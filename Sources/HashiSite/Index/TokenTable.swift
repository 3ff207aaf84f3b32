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

    /// The same tokens, frozen, numbered in `order` (old numbers, each once).
    func reordered(_ order: [Int32]) -> TokenTable {
        var table = TokenTable(capacity: 0)
        table.bytes.reserveCapacity(bytes.count)
        table.starts.reserveCapacity(order.count + 1)
        table.hashes.reserveCapacity(order.count)
        bytes.withUnsafeBufferPointer { all in
            for old in order.lazy.map(Int.init) {
                table.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[Int(starts[old])..<Int(starts[old + 1])]))
                table.starts.append(Int32(table.bytes.count))
                table.hashes.append(hashes[old])
            }
        }
        table.freeze()
        return table
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
struct KeyTable {
    /// 0 is a free slot.
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
    }

    /// The number set for `key`, or -1.
    @inline(__always)
    func value(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while true {
            let found = keys[slot]
            if found == key { return Int(values[slot]) }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the number of a `key` not yet in the table.
    mutating func set(_ key: UInt64, _ value: Int32) {
        var mask = keys.count - 1
        if (count + 1) * 2 > keys.count {
            let (oldKeys, oldValues) = (keys, values)
            keys = Array(repeating: 0, count: oldKeys.count * 2)
            values = Array(repeating: -1, count: oldKeys.count * 2)
            mask = keys.count - 1
            for (old, number) in zip(oldKeys, oldValues) where old != 0 { place(old, number, mask: mask) }
        }
        place(key, value, mask: mask)
        count += 1
    }

    private mutating func place(_ key: UInt64, _ value: Int32, mask: Int) {
        var slot = Self.slot(key, mask: mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
