#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte` at or after `start`, found with `memchr`: whole files and
    /// pages are searched this way.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }
}

extension Array where Element == UInt8 {
    /// Whether the UTF-8 of `text` occurs in these bytes.
    func contains(utf8 text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return true }
        return withUnsafeBufferPointer { haystack in
            var offset = 0
            while let start = haystack.firstIndex(of: first, from: offset), haystack.count - start >= needle.count {
                if memcmp(haystack.baseAddress! + start, needle, needle.count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
    }
}
