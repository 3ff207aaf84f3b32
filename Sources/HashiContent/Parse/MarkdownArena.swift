import Foundation

/// Memory for one document's libcmark nodes and buffers, handed out from a few large blocks and
/// taken back all at once when the document is done (`reset`).
///
/// cmark allocates and frees thousands of small nodes and growing buffers a page: through the
/// system allocator, at 10,000 pages a language, that was a third of the Parse stage's time and
/// left the shared heap full of small holes every later stage paid to sort. A `free` here only
/// takes back the last allocation; a `reallocate` of the last allocation grows it in place.
/// The blocks are kept for the next document (up to `keptBytes`).
package struct MarkdownArena {
    /// Each allocation starts after a header holding its size, and on a 16-byte boundary.
    private static let header = 16
    private static let blockSize = 256 << 10
    private static let keptBytes = 1 << 20

    private var blocks: [(start: UnsafeMutableRawPointer, size: Int)] = []
    /// The block being filled, and how far.
    private var current = 0
    private var used = 0
    /// Where the last allocation's header is in the current block, to grow or take back in place.
    private var last: Int?

    package init() {}

    /// `calloc`: `count × size` bytes set to zero, or nil when that does not fit an `Int`.
    package mutating func allocateZeroed(count: Int, size: Int) -> UnsafeMutableRawPointer? {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, let pointer = allocate(bytes) else { return nil }
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        return pointer
    }

    /// `realloc`: the first `size` bytes of `pointer` (its old bytes kept), moved if it must grow.
    package mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size) }
        let oldSize = pointer.load(fromByteOffset: -Self.header, as: Int.self)
        if size <= oldSize {
            if isLast(pointer) { used = last! + Self.header + Self.rounded(size) }
            pointer.storeBytes(of: size, toByteOffset: -Self.header, as: Int.self)
            return pointer
        }
        if isLast(pointer), last! + Self.header + Self.rounded(size) <= blocks[current].size {
            used = last! + Self.header + Self.rounded(size)
            pointer.storeBytes(of: size, toByteOffset: -Self.header, as: Int.self)
            return pointer
        }
        guard let moved = allocate(size) else { return nil }
        moved.copyMemory(from: pointer, byteCount: oldSize)
        return moved
    }

    /// `free`: only the last allocation is taken back now; the others go with `reset`.
    package mutating func free(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer, isLast(pointer) else { return }
        used = last!
        last = nil
    }

    /// Every allocation taken back at once; blocks past `keptBytes` given back to the system.
    package mutating func reset() {
        var kept = 0
        blocks.removeAll { block in
            kept += block.size
            guard kept > Self.keptBytes else { return false }
            block.start.deallocate()
            return true
        }
        current = 0
        used = 0
        last = nil
    }

    /// Every block given back to the system.
    package mutating func release() {
        for block in blocks { block.start.deallocate() }
        blocks = []
        reset()
    }

    private func isLast(_ pointer: UnsafeMutableRawPointer) -> Bool {
        guard let last, current < blocks.count else { return false }
        return blocks[current].start + last + Self.header == pointer
    }

    private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

    private mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        guard size >= 0, size <= Int.max / 2 else { return nil }
        let needed = Self.header + Self.rounded(size)
        while current < blocks.count, used + needed > blocks[current].size {
            current += 1
            used = 0
        }
        if current == blocks.count {
            let blockSize = max(Self.blockSize, needed)
            blocks.append((UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16), blockSize))
            used = 0
        }
        let start = blocks[current].start + used
        start.storeBytes(of: size, as: Int.self)
        last = used
        used += needed
        return start + Self.header
    }
}
