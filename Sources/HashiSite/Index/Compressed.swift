import CLibdeflate

/// The compressed texts of the index: deflate by libdeflate, in the zlib format the browser's
/// `DecompressionStream('deflate')` reads, written as standard base64 so a `<script>` file can carry
/// it (search works from `file://`, where nothing can be fetched). The only importer of libdeflate.
enum Compressed {
    /// libdeflate at level 4 deflates page text in about 90 % of the CPU time zlib took at its
    /// level 2, into files 13 % smaller (the bench corpus's Japanese pages, seven a file); level 3
    /// takes 80 % for 11 % smaller, level 5 as long as zlib for 14 %.
    static let level: Int32 = 4

    /// `bytes` deflated, as base64 characters appended to `out`.
    static func appendBase64Deflated(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendBase64(deflated(bytes), to: &out)
    }

    /// `bytes` in the zlib format (deflate with its two-byte header and checksum).
    static func deflated(_ bytes: [UInt8]) -> [UInt8] {
        // A compressor holds its match finder's tables; it fails only without memory.
        guard let compressor = libdeflate_alloc_compressor(level) else { preconditionFailure("libdeflate: out of memory") }
        defer { libdeflate_free_compressor(compressor) }
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
