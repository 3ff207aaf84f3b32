import CZlib

/// The compressed texts of the index: zlib's deflate, in the zlib format the browser's
/// `DecompressionStream('deflate')` reads, written as standard base64 so a `<script>` file can carry
/// it (search works from `file://`, where nothing can be fetched). The only importer of zlib.
enum Compressed {
    /// zlib's fast levels (1–3) deflate page text at 100 MB/s or more here; its default, 6, took
    /// five times as long for files a quarter smaller. Level 2 is 7 % smaller than 1 for about the
    /// same time (1,000 pages a language of the bench corpus).
    static let level: Int32 = 2

    /// `bytes` deflated, as base64 characters appended to `out`.
    static func appendBase64Deflated(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendBase64(deflated(bytes), to: &out)
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

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 with padding, which `atob` reads. Written through a pointer: the texts of
    /// the index are megabytes, and an array a group of four characters cost more than deflating.
    static func appendBase64(_ bytes: [UInt8], to out: inout [UInt8]) {
        let start = out.count
        let length = (bytes.count + 2) / 3 * 4
        out += repeatElement(UInt8(ascii: "="), count: length)
        out.withUnsafeMutableBufferPointer { target in
            alphabet.withUnsafeBufferPointer { digits in
                bytes.withUnsafeBufferPointer { source in
                    var at = start
                    var index = 0
                    while index < source.count {
                        let rest = source.count - index
                        let value = UInt32(source[index]) << 16 | (rest > 1 ? UInt32(source[index + 1]) << 8 : 0)
                            | (rest > 2 ? UInt32(source[index + 2]) : 0)
                        target[at] = digits[Int(value >> 18)]
                        target[at + 1] = digits[Int(value >> 12 & 63)]
                        if rest > 1 { target[at + 2] = digits[Int(value >> 6 & 63)] }
                        if rest > 2 { target[at + 3] = digits[Int(value & 63)] }
                        at += 4
                        index += 3
                    }
                }
            }
        }
    }
}
