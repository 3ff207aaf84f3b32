import HashiSupport

/// What `LinkResolver.quickResolve` finds a link's path to be.
private enum QuickTarget {
    /// `http://` or `https://`: another site.
    case external
    /// The page at this index; the path ends at `pathEnd`, the fragment's `#` is at `hash`.
    case page(Int, pathEnd: Int, hash: Int?)
    /// Anything else: the plain way decides.
    case unknown
}

extension LinkResolver {
    /// `plainResolve` for the links most pages have (to another site by http(s), or to a page by its
    /// folder URL, from the root or relative to the page), by their bytes: no trimmed copy, no scheme
    /// string, and the page found in a table of bytes. Nil whenever it cannot tell it the same way.
    func quickResolve(_ link: LinkReference, on page: Page, sourceFolder: String,
                      anchorPages: inout Set<String>) -> Result<ResolvedLink, LinkProblem>? {
        guard let paths = quickPaths else { return nil }
        var destination = link.destination
        let found = destination.withUTF8 { bytes in quickTarget(bytes, on: page, sourceFolder: sourceFolder, paths: paths) }
        guard case .page(let index, let pathEnd, let hash) = found else {
            if case .external = found { return .success(.external(link.destination)) }
            return nil
        }
        let utf8 = link.destination.utf8
        let queryEnd = hash ?? utf8.count
        let target = site.pages[index].url
        // A reference made of `..` and the parts of a URL that needs no escaping needs none either.
        let relative = URLPath.relative(from: page.url, to: target)
        var href = paths.needsNoEscaping[index] ? relative : URLPath.encode(relative)
        if pathEnd < queryEnd {
            href += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: pathEnd)..<utf8.index(utf8.startIndex, offsetBy: queryEnd)])
        }
        if let hash {
            let fragment = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: hash + 1)...]))
            anchorPages.insert(target)
            switch check(fragment: fragment, in: site.pages[index]) {
            case .success(let id): href += "#" + URLPath.encode(id, keepNonASCII: true)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(.local(href))
    }

    /// Where a destination of printable ASCII leads, as `plainResolve` would find it.
    private func quickTarget(_ bytes: UnsafeBufferPointer<UInt8>, on page: Page, sourceFolder: String,
                             paths: QuickPaths) -> QuickTarget {
        // Nothing to trim, and no byte a scheme would skip.
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .unknown }
        if Self.starts(bytes, with: "https://") || Self.starts(bytes, with: "http://") { return .external }
        if Self.hasScheme(bytes) || Self.starts(bytes, with: "//") { return .unknown }
        var hash: Int?
        var mark: Int?
        for index in bytes.indices where bytes[index] == UInt8(ascii: "#") || bytes[index] == UInt8(ascii: "?") {
            if bytes[index] == UInt8(ascii: "#") {
                hash = index
                break
            }
            if mark == nil { mark = index }
        }
        let pathEnd = mark ?? hash ?? bytes.count
        let path = UnsafeBufferPointer(rebasing: bytes[..<pathEnd])
        // A percent-encoded path, a Markdown file, or a file beside the Markdown: the plain way.
        guard !path.isEmpty, !path.contains(UInt8(ascii: "%")), !path.reversed().starts(with: "dm.".utf8) else { return .unknown }
        let found: Int?
        if path[0] == UInt8(ascii: "/") {
            found = Self.lookUp(UnsafeBufferPointer(rebasing: path.dropFirst()), under: "", in: paths.pages)
        } else if !paths.staticPaths.isEmpty, Self.lookUp(path, under: sourceFolder, in: paths.staticPaths) != nil {
            return .unknown
        } else {
            found = Self.lookUp(path, under: page.url, in: paths.pages)
        }
        return found.map { .page($0, pathEnd: pathEnd, hash: hash) } ?? .unknown
    }

    /// The value of `table` at `folder + path` normalized, as `locate` finds a page first; nil for none,
    /// and for a path that climbs above the root or is empty.
    private static func lookUp(_ path: UnsafeBufferPointer<UInt8>, under folder: String, in table: PathTable) -> Int? {
        var folder = folder
        return folder.withUTF8 { folder in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (folder.count + path.count) + 1) { buffer in
                let joined = UnsafeMutableBufferPointer(rebasing: buffer[..<(folder.count + path.count)])
                _ = UnsafeMutableBufferPointer(rebasing: joined[..<folder.count]).initialize(from: folder)
                _ = UnsafeMutableBufferPointer(rebasing: joined[folder.count...]).initialize(from: path)
                let out = UnsafeMutableBufferPointer(rebasing: buffer[joined.count...])
                guard let count = URLPath.normalize(UnsafeBufferPointer(joined), into: out), count > 0 else { return nil }
                return table.value(for: UnsafeBufferPointer(rebasing: out[..<count]))
            }
        }
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        for index in 0..<prefix.utf8CodeUnitCount where bytes[index] != prefix.utf8Start[index] { return false }
        return true
    }

    /// Whether `scheme(of:)` finds a scheme in bytes with none it skips: a letter, then letters,
    /// digits, `+`, `-` or `.`, up to a `:`.
    static func hasScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else { return false }
        for byte in bytes.dropFirst() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            case UInt8(ascii: ":"):
                return true
            default:
                return false
            }
        }
        return false
    }
}

/// The pages' URLs and the copied files' paths, as tables of bytes, for a site whose paths are all
/// ASCII without `\r` (so bytes compare as the strings of `Site.pageIndexByURL` do). Nil otherwise.
struct QuickPaths: Sendable {
    let pages: PathTable
    let staticPaths: PathTable
    /// Whether each page's URL is written in an `href` as it is (`URLPath.encode` leaves it).
    let needsNoEscaping: [Bool]

    init?(site: Site) {
        let urls = site.pages.map(\.url)
        let files = site.staticFiles.map(\.outputPath)
        guard (urls + files).allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }) else { return nil }
        pages = PathTable(urls)
        // Escaping makes a byte three: a URL as long escaped as not had nothing to escape.
        needsNoEscaping = urls.map { URLPath.encode($0).utf8.count == $0.utf8.count }
        staticPaths = PathTable(files)
    }
}

/// Strings found by their bytes, each with its index in the list it was made from (the last one,
/// for a string listed twice, as a dictionary filled in order keeps).
struct PathTable: Sendable {
    /// The position in `entries` plus one, by hash; 0 for none.
    private var slots: [Int32]
    private var bytes: [UInt8] = []
    private var entries: [(hash: UInt64, start: Int, end: Int, value: Int)] = []

    var isEmpty: Bool { entries.isEmpty }

    init(_ keys: [String]) {
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for (value, key) in keys.enumerated() {
            var key = key
            key.withUTF8 { insert($0, value: value) }
        }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) {
        let hash = Self.hash(key)
        if let position = position(of: key, hash: hash) {
            entries[position].value = value
            return
        }
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        entries.append((hash, bytes.count, bytes.count + key.count, value))
        bytes += key
        slots[slot] = Int32(entries.count)
    }

    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        position(of: key, hash: Self.hash(key)).map { entries[$0].value }
    }

    private func position(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 {
                let position = Int(slots[slot]) - 1
                let entry = entries[position]
                if entry.hash == hash, entry.end - entry.start == key.count,
                   key.indices.allSatisfy({ key[$0] == bytes[entry.start + $0] }) {
                    return position
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        StableHasher.hash(UnsafeRawBufferPointer(key))
    }
}
