/// Many byte streams that only grow at their end (each token's postings in a group of the
/// index), kept in one buffer as chains of blocks rather than one array a stream. At 10,000 pages
/// a language the index held millions of small arrays, each grown from empty one posting at a
/// time, and the allocator took a tenth of the build.
///
/// A block is an 8-byte header (the offset of the next block of its stream, or -1, and how many
/// bytes it holds), then its bytes. A stream's first block has room for 16 bytes and each next
/// one for twice as many as the one before, up to 4 KiB. An append never straddles two blocks,
/// so a reader can take each block's bytes as whole postings.
struct PostingStreams: Sendable {
    private var storage: [UInt8] = []
    /// For each stream: its first block, its last block, and the room in the last block.
    private var heads: [Int32] = []
    private var tails: [Int32] = []
    private var capacities: [Int32] = []

    static let headerSize = 8
    static let firstCapacity = 16
    static let largestCapacity = 4096

    var count: Int { heads.count }

    /// Adds an empty stream; returns its number.
    mutating func addStream() -> Int {
        heads.append(-1)
        tails.append(-1)
        capacities.append(0)
        return heads.count - 1
    }

    /// Appends `bytes` (at most `largestCapacity`) to stream `stream`, in its last block if they fit.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, to stream: Int) {
        var tail = Int(tails[stream])
        if tail < 0 || used(tail) + bytes.count > Int(capacities[stream]) {
            let capacity = tail < 0 ? Self.firstCapacity : min(Self.largestCapacity, Int(capacities[stream]) * 2)
            let block = addBlock(capacity: max(capacity, bytes.count))
            if tail < 0 { heads[stream] = Int32(block) } else { setNext(of: tail, to: block) }
            tails[stream] = Int32(block)
            capacities[stream] = Int32(max(capacity, bytes.count))
            tail = block
        }
        storage.withUnsafeMutableBufferPointer { all in
            let used = Self.used(tail, in: UnsafeBufferPointer(all))
            UnsafeMutableRawPointer(all.baseAddress! + tail + Self.headerSize + used).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            all.storeInt32(Int32(used + bytes.count), at: tail + 4)
        }
    }

    /// Calls `body` with the bytes of each block of stream `stream`, in order.
    func forEachBlock(of stream: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        storage.withUnsafeBufferPointer { all in
            var block = Int(heads[stream])
            while block >= 0 {
                let start = block + Self.headerSize
                body(UnsafeBufferPointer(rebasing: all[start..<(start + Self.used(block, in: all))]))
                block = Int(all.loadInt32(at: block))
            }
        }
    }

    /// Every byte of stream `stream`, in order (for tests and small callers).
    func bytes(of stream: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        forEachBlock(of: stream) { bytes += $0 }
        return bytes
    }

    /// Writes `number` (not negative) at `out` seven bits a byte, low bits first, the high bit set
    /// while more follow; returns how many bytes it wrote (at most 10). The streams' own format:
    /// only `PostingCoder` writes what the files hold.
    @inline(__always)
    static func write(_ number: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var value = UInt64(max(number, 0))
        var count = 0
        while value >= 0x80 {
            out[count] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            count += 1
        }
        out[count] = UInt8(value)
        return count + 1
    }

    /// The number `write` wrote at `index`, and how many bytes it takes.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: Int, length: Int) {
        var value = 0
        var shift = 0
        var cursor = index
        while true {
            let byte = bytes[cursor]
            value |= Int(byte & 0x7F) << shift
            cursor += 1
            if byte < 0x80 { return (value, cursor - index) }
            shift += 7
        }
    }

    private mutating func addBlock(capacity: Int) -> Int {
        let block = storage.count
        precondition(block + Self.headerSize + capacity < Int(Int32.max), "a group of the search index passed 2 GB")
        storage.append(contentsOf: repeatElement(0, count: Self.headerSize + capacity))
        storage.withUnsafeMutableBufferPointer { $0.storeInt32(-1, at: block) }
        return block
    }

    private mutating func setNext(of block: Int, to next: Int) {
        storage.withUnsafeMutableBufferPointer { $0.storeInt32(Int32(next), at: block) }
    }

    private func used(_ block: Int) -> Int {
        storage.withUnsafeBufferPointer { Self.used(block, in: $0) }
    }

    private static func used(_ block: Int, in all: UnsafeBufferPointer<UInt8>) -> Int {
        Int(all.loadInt32(at: block + 4))
    }
}

private extension UnsafeBufferPointer where Element == UInt8 {
    func loadInt32(at offset: Int) -> Int32 {
        UnsafeRawPointer(baseAddress! + offset).loadUnaligned(as: Int32.self)
    }
}

private extension UnsafeMutableBufferPointer where Element == UInt8 {
    func storeInt32(_ value: Int32, at offset: Int) {
        UnsafeMutableRawPointer(baseAddress! + offset).storeBytes(of: value, as: Int32.self)
    }
}
