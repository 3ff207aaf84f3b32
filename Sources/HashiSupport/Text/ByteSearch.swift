import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte` at or after `start`, found with `memchr`: whole files and
    /// pages are searched this way.
    package func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The index of the first occurrence of `needle` at or after `start` (its first byte found
    /// with `memchr`, the rest compared).
    package func firstIndex(of needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first else { return start <= count ? start : nil }
        var offset = start
        while let found = firstIndex(of: first, from: offset), count - found >= needle.count {
            if memcmp(baseAddress! + found, needle.baseAddress!, needle.count) == 0 { return found }
            offset = found + 1
        }
        return nil
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes. Inlinable: the
    /// search index decodes every character of every page with it.
    @inlinable @inline(__always)
    package func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = self[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12
                | UInt32(self[index + 2] & 0x3F) << 6 | UInt32(self[index + 3] & 0x3F), 4)
    }
}

extension Array where Element == UInt8 {
    /// Whether the UTF-8 of `text` occurs in these bytes.
    package func contains(utf8 text: String) -> Bool {
        let needle = Array(text.utf8)
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { haystack.firstIndex(of: $0, from: 0) != nil }
        }
    }
}
