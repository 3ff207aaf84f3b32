import CZlib

/// The compressed texts of the index: zlib's deflate, in the zlib format the browser's
/// `DecompressionStream('deflate')` reads, written as the characters of a string so a `<script>`
/// file can carry it (search works from `file://`, where nothing can be fetched). The only importer of zlib.
enum Compressed {
    /// zlib's fast levels (1–3) deflate page text at 100 MB/s or more here; its default, 6, took
    /// five times as long for files a quarter smaller. Level 2 is 7 % smaller than 1 for about the
    /// same time (1,000 pages a language of the bench corpus).
    static let level: Int32 = 2

    /// `bytes` deflated, as the characters of a JavaScript string (`appendScriptString`) appended to `out`.
    static func appendScriptStringDeflated(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendScriptString(deflated(bytes), to: &out)
    }

    /// `bytes` in the zlib format (deflate with its two-byte header and checksum).
    static func deflated(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), level)
            }
        }
        // compress2 fails only without memory or with a buffer smaller than compressBound.
        precondition(status == Z_OK, "zlib compress2 failed with \(status)")
        out.removeLast(out.count - Int(length))
        return out
    }

    /// The zlib data `bytes` inflated, or nil when it is not zlib data: what a browser does with a
    /// text file, for the tests that read one back.
    static func inflated(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            var status = Z_OK
            while status == Z_OK {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                out += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
            }
            return status
        }
        return status == Z_STREAM_END ? out : nil
    }

    /// The seven-bit groups `appendScriptString` cannot write as themselves in a JavaScript string:
    /// NUL, line feed, carriage return, `"` and `\`.
    static let unsafeGroups: [UInt8] = [0, 10, 13, 34, 92]

    /// Each group's place in `unsafeGroups`, or -1.
    private static let unsafeIndex: [Int8] = (0..<128).map { group in
        Int8(unsafeGroups.firstIndex(of: UInt8(group)) ?? -1)
    }

    /// `bytes` as the characters of a JavaScript string, seven bits a character where base64 takes
    /// six (`bytesOf` in assets/inflate.js reads it back). The bits, first byte first and high bit first,
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
