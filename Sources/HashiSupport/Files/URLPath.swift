/// Paths inside the output folder, `/`-separated, never starting with `/`; folders end with `/`.
package enum URLPath {
    /// Resolves `.` and `..`; nil when the path would climb above the root. Works on UTF-8 bytes:
    /// every link of every page goes through here.
    package static func normalize(_ path: String) -> String? {
        var path = path
        if path.withUTF8({ isNormal($0) }) { return path }
        return path.withUTF8 { bytes -> String? in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            // The parts kept so far, joined by `/`.
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var parts = 0
            var index = 0
            var last = 0..<0
            while index < bytes.count {
                let end = bytes.firstIndex(of: slash, from: index) ?? bytes.count
                last = index..<end
                let length = end - index
                if length == 0 || (length == 1 && bytes[index] == dot) {
                    // an empty part or `.`: nothing
                } else if length == 2 && bytes[index] == dot && bytes[index + 1] == dot {
                    guard parts > 0 else { return nil }
                    parts -= 1
                    // The last part goes, with the `/` before it.
                    while let byte = out.popLast(), byte != slash {}
                } else {
                    if parts > 0 { out.append(slash) }
                    parts += 1
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end + 1
            }
            // The last part, after the last `/` (empty when the path ends with one).
            if bytes.last == slash { last = bytes.count..<bytes.count }
            let lastIsDots = (1...2).contains(last.count) && bytes[last].allSatisfy { $0 == dot }
            if (bytes.last == slash || lastIsDots) && !out.isEmpty { out.append(slash) }
            // Whole parts of valid UTF-8, cut at `/`: valid UTF-8.
            return UTF8Text.string(out)
        }
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
    /// paths' parts in place: every page asks for a dozen of these, and every link of its body.
    package static func relative(from: String, to: String) -> String {
        var from = from
        var to = to
        return from.withUTF8 { fromPath in
            to.withUTF8 { toBytes in
                let slash = UInt8(ascii: "/")
                let fromBytes = folder(of: fromPath)
                let toIsFolder = toBytes.last == slash || toBytes.isEmpty
                // Skip the parts both share; a file's own name (the last part of a `to` that is no folder) is never shared.
                var fromPart = part(of: fromBytes, from: 0)
                var toPart = part(of: toBytes, from: 0)
                while let one = fromPart, let other = toPart, toIsFolder || other.upperBound < toBytes.count,
                      fromBytes[one].elementsEqual(toBytes[other]) {
                    fromPart = part(of: fromBytes, from: one.upperBound)
                    toPart = part(of: toBytes, from: other.upperBound)
                }
                var out: [UInt8] = []
                out.reserveCapacity(toBytes.count + 3 * (fromBytes.count / 2) + 3)
                while let one = fromPart {
                    if !out.isEmpty { out.append(slash) }
                    out += "..".utf8
                    fromPart = part(of: fromBytes, from: one.upperBound)
                }
                let ups = out.count
                while let other = toPart {
                    if !out.isEmpty { out.append(slash) }
                    out += UnsafeBufferPointer(rebasing: toBytes[other])
                    toPart = part(of: toBytes, from: other.upperBound)
                }
                if toIsFolder && !out.isEmpty { out.append(slash) }
                // A first part with a colon (`report:2024/`) would be read as a scheme: start it with `./`.
                if ups == 0, let colon = out.firstIndex(of: UInt8(ascii: ":")), !out[..<colon].contains(slash) {
                    out.insert(contentsOf: "./".utf8, at: 0)
                }
                return out.isEmpty ? "./" : UTF8Text.string(out)
            }
        }
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
        guard let first = path.withUTF8({ $0.firstIndex { !keeps($0) && !(keepNonASCII && $0 >= 0x80) } }) else { return path }
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

    private static func keeps(_ byte: UInt8) -> Bool {
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
