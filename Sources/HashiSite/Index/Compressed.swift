import Foundation
import CLibdeflate

/// The compressed texts of the index: deflate by libdeflate, in the zlib format the browser's
/// `DecompressionStream('deflate')` reads, written as the characters of a string so a `<script>`
/// file can carry it (search works from `file://`, where nothing can be fetched). The only importer of libdeflate.
enum Compressed {
    /// libdeflate at level 2: on the bench corpus's Japanese pages, seven a file, it takes 70 % of
    /// the CPU time of its level 4 for files 7 % larger, and level 1 takes 52 % for 12 % larger.
    /// Level 1 would put the 1,000-page bench site at 1.49 times Hugo's output bytes, against a
    /// limit of 1.5; level 2 puts it at 1.48.
    static let level: Int32 = 2

    /// `bytes` deflated, as the characters of a JavaScript string (`appendScriptString`) appended to `out`.
    static func appendScriptStringDeflated(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendScriptString(deflated(bytes), to: &out)
    }

    /// Compressors between uses. Each holds its match finder's tables, hundreds of kilobytes that
    /// a compressor made anew for every text file had the kernel map and clear each time.
    private static let compressors = CompressorPool(level: level)

    /// `bytes` in the zlib format (deflate with its two-byte header and checksum).
    static func deflated(_ bytes: [UInt8]) -> [UInt8] {
        let compressor = compressors.take()
        defer { compressors.give(compressor) }
        var out = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, bytes.count))
        let length = out.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                libdeflate_zlib_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count)
            }
        }
        // The bound always suffices.
        precondition(length > 0, "libdeflate: the compression bound did not suffice")
        out.removeLast(out.count - length)
        return out
    }

    /// The zlib data `bytes` inflated, or nil when it is not zlib data: what a browser does with a
    /// text file, for the tests that read one back.
    static func inflated(_ bytes: [UInt8]) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var capacity = max(1024, bytes.count * 4)
        while capacity < 1 << 30 {
            var out = [UInt8](repeating: 0, count: capacity)
            var length = 0
            let result = out.withUnsafeMutableBytes { target in
                bytes.withUnsafeBytes { source in
                    libdeflate_zlib_decompress(decompressor, source.baseAddress, source.count, target.baseAddress, target.count, &length)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                out.removeLast(out.count - length)
                return out
            case LIBDEFLATE_INSUFFICIENT_SPACE: capacity *= 4
            default: return nil
            }
        }
        return nil
    }

    /// The seven-bit groups `appendScriptString` cannot write as themselves in a JavaScript string:
    /// NUL, line feed, carriage return, `"` and `\`.
    static let unsafeGroups: [UInt8] = [0, 10, 13, 34, 92]

    /// Each group's place in `unsafeGroups`, or -1.
    private static let unsafeIndex: [Int8] = (0..<128).map { group in
        Int8(unsafeGroups.firstIndex(of: UInt8(group)) ?? -1)
    }

    /// `bytes` as the characters of a JavaScript string, seven bits a character where base64 takes
    /// six (`bytesOf` in assets/search.js reads it back). The bits, first byte first and high bit first,
    /// are cut in groups of seven, the last one padded with zeros. A group is the ASCII character of
    /// its value, unless that is one of `unsafeGroups`: then that group (its place `i` there) and
    /// the next (`g`) are one character of two UTF-8 bytes, U+0080 + `i` × 128 + `g`; an unsafe last
    /// group, with no next, is U+0480 + `i` × 128. The reader takes as many whole bytes as the bits give.
    static func appendScriptString(_ bytes: [UInt8], to out: inout [UInt8]) {
        // Written through a pointer, as base64 was: an array append a character cost more than deflating.
        let groups = (bytes.count * 8 + 6) / 7
        out += [UInt8](unsafeUninitializedCapacity: groups + 1) { target, written in
            unsafeIndex.withUnsafeBufferPointer { unsafe in
                bytes.withUnsafeBufferPointer { source in
                    var writer = SevenBitWriter(target: target.baseAddress!, unsafe: unsafe)
                    var index = 0
                    // Seven bytes are eight groups, read as one word (and the byte after, unused).
                    while index + 8 <= source.count {
                        let word = UnsafeRawPointer(source.baseAddress! + index).loadUnaligned(as: UInt64.self).bigEndian >> 8
                        writer.putEight(word)
                        index += 7
                    }
                    var bits: UInt32 = 0, count = 0
                    while index < source.count {
                        bits = bits << 8 | UInt32(source[index])
                        count += 8
                        index += 1
                        while count >= 7 {
                            count -= 7
                            writer.put(UInt8(truncatingIfNeeded: bits >> UInt32(count)) & 0x7F)
                        }
                    }
                    if count > 0 { writer.put(UInt8(truncatingIfNeeded: bits << UInt32(7 - count)) & 0x7F) }
                    written = writer.finish()
                }
            }
        }
    }

    /// Writes `appendScriptString`'s groups at `target`, holding back an unsafe one until the next.
    private struct SevenBitWriter {
        let target: UnsafeMutablePointer<UInt8>
        let unsafe: UnsafeBufferPointer<Int8>
        var count = 0
        /// The place in `unsafeGroups` of the group held back, or -1.
        var held = -1

        init(target: UnsafeMutablePointer<UInt8>, unsafe: UnsafeBufferPointer<Int8>) {
            self.target = target
            self.unsafe = unsafe
        }

        @inline(__always)
        mutating func put(_ group: UInt8) {
            if held >= 0 {
                writeCharacter(0x80 + held << 7 + Int(group))
                held = -1
            } else if unsafe[Int(group)] >= 0 {
                held = Int(unsafe[Int(group)])
            } else {
                target[count] = group
                count += 1
            }
        }

        /// The eight groups of the low 56 bits of `word`, high bits first: written as they are
        /// when none is unsafe, which is most often so.
        @inline(__always)
        mutating func putEight(_ word: UInt64) {
            var spread: UInt64 = 0
            // -1 for a safe group, so its complement is 0.
            var unsafeSeen: Int8 = ~Int8(held)
            for group in 0..<8 {
                let value = word >> UInt64(49 - 7 * group) & 0x7F
                unsafeSeen |= ~unsafe[Int(value)]
                spread |= value << UInt64(8 * group)
            }
            guard unsafeSeen == 0 else {
                for group in 0..<8 { put(UInt8(truncatingIfNeeded: word >> UInt64(49 - 7 * group)) & 0x7F) }
                return
            }
            UnsafeMutableRawPointer(target + count).storeBytes(of: spread.littleEndian, as: UInt64.self)
            count += 8
        }

        /// The count of bytes written, the last group held back written alone.
        mutating func finish() -> Int {
            if held >= 0 { writeCharacter(0x480 + held << 7) }
            return count
        }

        /// A character of U+0080 to U+07FF in UTF-8.
        private mutating func writeCharacter(_ scalar: Int) {
            target[count] = 0xC0 | UInt8(scalar >> 6)
            target[count + 1] = 0x80 | UInt8(scalar & 0x3F)
            count += 2
        }
    }
}

/// Idle libdeflate compressors of one level: a thread takes one, or makes one if none is idle,
/// and gives it back. There are never more than the threads that deflate at once; they live as
/// long as the process.
private final class CompressorPool: @unchecked Sendable {  // `idle` is read and written under `lock`
    private let level: Int32
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    init(level: Int32) {
        self.level = level
    }

    func take() -> OpaquePointer {
        if let compressor = lock.withLock({ idle.popLast() }) { return compressor }
        // It fails only without memory.
        guard let compressor = libdeflate_alloc_compressor(level) else { preconditionFailure("libdeflate: out of memory") }
        return compressor
    }

    func give(_ compressor: OpaquePointer) {
        lock.withLock { idle.append(compressor) }
    }
}
