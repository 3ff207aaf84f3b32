/// Paths inside the output folder, `/`-separated, never starting with `/`; folders end with `/`.
package enum URLPath {
    /// Resolves `.` and `..`; nil when the path would climb above the root. Works on UTF-8 bytes:
    /// every link of every page goes through here.
    package static func normalize(_ path: String) -> String? {
        var path = path
        if path.withUTF8({ isNormal($0) }) { return path }
        return path.withUTF8 { bytes -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out in
                // Whole parts of valid UTF-8, cut at `/`: valid UTF-8.
                normalize(bytes, into: out).map { UTF8Text.string(UnsafeBufferPointer(rebasing: out[..<$0])) }
            }
        }
    }

    /// `normalize` of a path's bytes, written at the start of `out` (as long as `bytes` at least):
    /// the count written, or nil when the path would climb above the root. The link resolver's
    /// quick path keeps its paths as bytes.
    package static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        precondition(out.count >= bytes.count)
        if isNormal(bytes) {
            _ = out.initialize(from: bytes)
            return bytes.count
        }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // The parts kept so far, joined by `/`, are `out[..<count]`.
        var count = 0
        var parts = 0
        var index = 0
        var last = 0..<0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != slash { end += 1 }
            last = index..<end
            let length = end - index
            if length == 0 || (length == 1 && bytes[index] == dot) {
                // an empty part or `.`: nothing
            } else if length == 2 && bytes[index] == dot && bytes[index + 1] == dot {
                guard parts > 0 else { return nil }
                parts -= 1
                // The last part goes, with the `/` before it.
                while count > 0 {
                    count -= 1
                    if out[count] == slash { break }
                }
            } else {
                if parts > 0 { out[count] = slash; count += 1 }
                parts += 1
                for offset in 0..<length { out[count + offset] = bytes[index + offset] }
                count += length
            }
            index = end + 1
        }
        // The last part, after the last `/` (empty when the path ends with one).
        if bytes.last == slash { last = bytes.count..<bytes.count }
        let lastIsDots = (1...2).contains(last.count) && bytes[last].allSatisfy { $0 == dot }
        if (bytes.last == slash || lastIsDots) && count > 0 { out[count] = slash; count += 1 }
        return count
    }

    /// Whether `normalize` would return `path` as it is: no leading or doubled `/`, and no `.` or
    /// `..` part. Most links are, and the answer needs no copy of the path.
    private static func isNormal(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var partLength = 0
        var dotsOnly = true
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if partLength == 0 || (dotsOnly && partLength <= 2) { return false }
                partLength = 0
                dotsOnly = true
            } else {
                partLength += 1
                dotsOnly = dotsOnly && byte == UInt8(ascii: ".")
            }
        }
        return !(dotsOnly && (1...2).contains(partLength))
    }

    /// The folder part of a path (`en/a/` for `en/a/b.md`, `en/a/` for `en/a/`).
    package static func folder(of path: String) -> String {
        var path = path
        let end = path.withUTF8 { folder(of: $0).count }
        if end == path.utf8.count { return path }
        return path.withUTF8 { UTF8Text.string(UnsafeBufferPointer(rebasing: $0[..<end])) }
    }

    /// A relative reference from a page in folder `from` to `to`, both output paths. Walks both
    /// paths' parts in place and writes the reference once into a buffer on the stack: every page
    /// asks for a dozen of these, and every link of its body.
    package static func relative(from: String, to: String) -> String {
        var from = from
        var to = to
        return from.withUTF8 { fromPath in
            to.withUTF8 { toBytes in
                let fromBytes = folder(of: fromPath)
                let toIsFolder = toBytes.last == UInt8(ascii: "/") || toBytes.isEmpty
                // Skip the parts both share; a file's own name (the last part of a `to` that is no folder) is never shared.
                var fromPart = part(of: fromBytes, from: 0)
                var toPart = part(of: toBytes, from: 0)
                while let one = fromPart, let other = toPart, toIsFolder || other.upperBound < toBytes.count,
                      same(fromBytes, one, toBytes, other) {
                    fromPart = part(of: fromBytes, from: one.upperBound)
                    toPart = part(of: toBytes, from: other.upperBound)
                }
                var ups = 0
                while let one = fromPart {
                    ups += 1
                    fromPart = part(of: fromBytes, from: one.upperBound)
                }
                // A first part with a colon (`report:2024/`) would be read as a scheme: start it with `./`.
                let dotSlash = ups == 0 && toPart.map { toBytes[$0].contains(UInt8(ascii: ":")) } == true
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * ups + toBytes.count + 3) { out in
                    let count = write(ups: ups, dotSlash: dotSlash, parts: toBytes, from: toPart, folder: toIsFolder, into: out)
                    return UTF8Text.string(UnsafeBufferPointer(rebasing: out[..<count]))
                }
            }
        }
    }

    /// Whether two ranges of bytes hold the same bytes.
    private static func same(_ one: UnsafeBufferPointer<UInt8>, _ oneRange: Range<Int>, _ other: UnsafeBufferPointer<UInt8>,
                             _ otherRange: Range<Int>) -> Bool {
        guard oneRange.count == otherRange.count else { return false }
        for offset in 0..<oneRange.count where one[oneRange.lowerBound + offset] != other[otherRange.lowerBound + offset] { return false }
        return true
    }

    /// Writes `relative`'s reference: `./` if asked, `ups` times `..`, the parts of `parts` from
    /// `first` on, joined by `/` (and one after them for a folder); `./` when that is nothing.
    private static func write(ups: Int, dotSlash: Bool, parts: UnsafeBufferPointer<UInt8>, from first: Range<Int>?, folder: Bool,
                              into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var count = 0
        if dotSlash {
            out[0] = dot
            out[1] = slash
            count = 2
        }
        var written = 0
        for _ in 0..<ups {
            if written > 0 { out[count] = slash; count += 1 }
            out[count] = dot
            out[count + 1] = dot
            count += 2
            written += 1
        }
        var next = first
        while let other = next {
            if written > 0 { out[count] = slash; count += 1 }
            _ = UnsafeMutableBufferPointer(rebasing: out[count..<(count + other.count)]).initialize(from: parts[other])
            count += other.count
            written += 1
            next = part(of: parts, from: other.upperBound)
        }
        if written == 0 {
            out[0] = dot
            out[1] = slash
            return 2
        }
        if folder { out[count] = slash; count += 1 }
        return count
    }

    /// The folder part of a path's bytes: up to its last `/`, as `folder(of:)`.
    private static func folder(of path: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let end = path.last == UInt8(ascii: "/") ? path.count : (path.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)
        return UnsafeBufferPointer(rebasing: path[..<end])
    }

    /// The next non-empty `/`-separated part of `bytes` at or after `start`.
    private static func part(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var start = start
        while start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
        guard start < bytes.count else { return nil }
        var end = start + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
        return start..<end
    }

    /// The prefix that leads from a page at `path` back to the output root (`../../`).
    package static func rootPrefix(from path: String) -> String {
        var path = path
        let depth = path.withUTF8 { bytes in
            let folder = folder(of: bytes)
            var depth = 0
            var next = part(of: folder, from: 0)
            while let found = next {
                depth += 1
                next = part(of: folder, from: found.upperBound)
            }
            return depth
        }
        return String(repeating: "../", count: depth)
    }

    /// Percent-encodes what cannot stand in an `href` as is, `%` included: every caller passes a
    /// path as it is on disk (`50%.md` is the page `50%/`, whose link is `50%25/`); keeps `/`.
    /// Fragments keep letters of other scripts as they are, to match the ids the page shows.
    package static func encode(_ path: String, keepNonASCII: Bool = false) -> String {
        var path = path
        // Nothing to encode: the path as it is, without a copy.
        guard let first = path.withUTF8({ firstToEncode($0, keepNonASCII: keepNonASCII) }) else { return path }
        return path.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            out += UnsafeBufferPointer(rebasing: bytes[..<first])
            let hex = Array("0123456789ABCDEF".utf8)
            for byte in bytes[first...] {
                if Self.keeps(byte) || (keepNonASCII && byte >= 0x80) {
                    out.append(byte)
                } else {
                    out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
            }
            // Kept bytes of valid UTF-8 and ASCII escapes of whole scalars: valid UTF-8.
            return UTF8Text.string(out)
        }
    }

    /// The index of the first byte `encode` escapes, if any.
    private static func firstToEncode(_ bytes: UnsafeBufferPointer<UInt8>, keepNonASCII: Bool) -> Int? {
        for index in bytes.indices {
            let byte = bytes[index]
            if !keeps(byte) && !(keepNonASCII && byte >= 0x80) { return index }
        }
        return nil
    }

    /// Undoes percent-encoding, for comparing a link's fragment with heading ids.
    package static func decode(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.firstIndex(of: UInt8(ascii: "%"), from: 0) != nil }) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == 37, iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `plainKeeps` from two masks of the ASCII bytes: one shift, not a dozen comparisons.
    @inline(__always)
    static func keeps(_ byte: UInt8) -> Bool {
        byte < 64 ? (keptBelow64 >> UInt64(byte)) & 1 == 1 : byte < 128 && (keptFrom64 >> UInt64(byte - 64)) & 1 == 1
    }

    /// Bit `b` set for each byte `b` below 64 that `plainKeeps`, and from 64 (bit `b - 64`).
    private static let keptBelow64: UInt64 = 0x2FFF_FFD2_0000_0000
    private static let keptFrom64: UInt64 = 0x47FF_FFFE_87FF_FFFF

    /// The bytes an `href` can hold as they are, one by one.
    static func plainKeeps(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
            return true
        default: return false
        }
    }
}

extension String {
    package func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
