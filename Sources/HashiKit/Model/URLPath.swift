/// Paths inside the output folder, `/`-separated, never starting with `/`; folders end with `/`.
enum URLPath {
    /// Resolves `.` and `..`; nil when the path would climb above the root. Works on UTF-8 bytes:
    /// every link of every page goes through here.
    static func normalize(_ path: String) -> String? {
        if isNormal(path) { return path }
        let bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var parts: [ArraySlice<UInt8>] = []
        for part in bytes.split(separator: slash, omittingEmptySubsequences: true) {
            if part.count == 1 && part.first == dot { continue }
            if part.count == 2 && part.first == dot && part.last == dot {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let last = bytes.split(separator: slash, omittingEmptySubsequences: false).last ?? []
        let trailingSlash = bytes.last == slash || (last.allSatisfy { $0 == dot } && (1...2).contains(last.count))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(slash) }
            out += part
        }
        if trailingSlash && !out.isEmpty { out.append(slash) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `normalize` would return `path` as it is: no leading or doubled `/`, and no `.` or
    /// `..` part. Most links are, and the answer needs no copy of the path.
    private static func isNormal(_ path: String) -> Bool {
        var partLength = 0
        var dotsOnly = true
        for byte in path.utf8 {
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
    static func folder(of path: String) -> String {
        if path.hasSuffix("/") || path.isEmpty { return path }
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[...slash])
    }

    /// A relative reference from a page in folder `from` to `to`, both output paths.
    static func relative(from: String, to: String) -> String {
        let slash = UInt8(ascii: "/")
        let fromParts = Array(folder(of: from).utf8).split(separator: slash)
        let toBytes = Array(to.utf8)
        let toParts = toBytes.split(separator: slash)
        let toIsFolder = toBytes.last == slash || toBytes.isEmpty
        var common = 0
        let comparable = toIsFolder ? toParts.count : toParts.count - 1
        while common < fromParts.count, common < comparable, fromParts[common].elementsEqual(toParts[common]) { common += 1 }
        var out: [UInt8] = []
        func add(_ part: ArraySlice<UInt8>) {
            if !out.isEmpty { out.append(slash) }
            out += part
        }
        for _ in common..<fromParts.count { add([UInt8(ascii: "."), UInt8(ascii: ".")]) }
        for part in toParts[common...] { add(part) }
        if toIsFolder && !out.isEmpty { out.append(slash) }
        return out.isEmpty ? "./" : String(decoding: out, as: UTF8.self)
    }

    /// The prefix that leads from a page at `path` back to the output root (`../../`).
    static func rootPrefix(from path: String) -> String {
        let depth = Array(folder(of: path).utf8).split(separator: UInt8(ascii: "/")).count
        return String(repeating: "../", count: depth)
    }

    /// Percent-encodes what cannot stand in an `href` as is; keeps `/` and already-encoded `%XX`.
    /// Fragments keep letters of other scripts as they are, to match the ids the page shows.
    static func encode(_ path: String, keepNonASCII: Bool = false) -> String {
        // Nothing to encode (no `%` either): the path as it is, without a copy.
        if path.utf8.allSatisfy({ keeps($0) || (keepNonASCII && $0 >= 0x80) }) { return path }
        var out: [UInt8] = []
        let bytes = Array(path.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isHexAt: (Int) -> Bool = { i in
                i < bytes.count && (bytes[i] >= 48 && bytes[i] <= 57 || bytes[i] >= 65 && bytes[i] <= 70 || bytes[i] >= 97 && bytes[i] <= 102)
            }
            if byte == 37 && isHexAt(index + 1) && isHexAt(index + 2) {
                out.append(byte)
            } else if Self.keeps(byte) || (keepNonASCII && byte >= 0x80) {
                out.append(byte)
            } else {
                out += Array(("%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)).utf8)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes percent-encoding, for comparing a link's fragment with heading ids.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
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
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
