import Foundation
import HashiSupport

/// A page's resolved links as `BuildCache` holds them. A target mostly ends as the destination
/// the author wrote does (an external link is the same; `/en/a/` becomes `../a/`), so the file
/// keeps of each target only its start and the length of the end it shares with what was written,
/// which the page's document gives back: a third of the cache at 1,000 pages a language was these
/// targets written out whole.
struct CachedLinks: Sendable {
    /// The targets whole (`shared` nil), or each only its start.
    var links: PageLinks
    /// For each link, how many bytes at the end of its written destination end its target too.
    var shared: [Int]?
    /// What the author wrote, by the same index: this build's, for writing the file.
    var written: [LinkReference]

    /// Links this build resolved, whole, from the links `written` in their page's document.
    init(whole links: PageLinks, written: [LinkReference]) {
        self.links = links
        self.written = written
    }

    private init(starts links: PageLinks, shared: [Int]) {
        self.links = links
        self.shared = shared
        written = []
    }

    /// The links whole, given the destinations written in the same document; nil when they do not
    /// fit (another document than the one they were resolved from).
    func whole(written: [LinkReference]) -> PageLinks? {
        guard let shared else { return links }
        guard written.count == links.links.count else { return nil }
        var whole = links
        for index in whole.links.indices where shared[index] > 0 {
            let destination = written[index].destination.utf8
            guard shared[index] <= destination.count else { return nil }
            let end = destination.suffix(shared[index])
            switch whole.links[index] {
            case .local(let start): whole.links[index] = .local(start + String(decoding: end, as: UTF8.self))
            case .external(let start): whole.links[index] = .external(start + String(decoding: end, as: UTF8.self))
            case .removed: return nil
            }
        }
        return whole
    }

    /// How many bytes `target` ends with of `destination`, never starting inside a character.
    static func sharedEnd(of target: String, with destination: String) -> Int {
        var target = target, destination = destination
        return target.withUTF8 { target in
            destination.withUTF8 { destination in
                guard let targetEnd = target.baseAddress.map({ $0 + target.count }),
                      let destinationEnd = destination.baseAddress.map({ $0 + destination.count }) else { return 0 }
                // Most often the target ends with all that was written (an external link, a relative one).
                if target.count >= destination.count, memcmp(targetEnd - destination.count, destination.baseAddress!, destination.count) == 0 {
                    return destination.count
                }
                var count = 0
                let most = min(target.count, destination.count)
                while count < most, targetEnd[-1 - count] == destinationEnd[-1 - count] { count += 1 }
                // A shared end that starts with a continuation byte gives back the character it belongs to.
                while count > 0, targetEnd[-count] & 0xC0 == 0x80 { count -= 1 }
                return count
            }
        }
    }

    /// Each target as its kind, its start, and the length of the end it shares with what was written.
    func write(to writer: inout ByteWriter) {
        writer.write(links.links.count)
        for (index, link) in links.links.enumerated() {
            let target: String
            switch link {
            case .local(let href):
                writer.write(0)
                target = href
            case .external(let href):
                writer.write(1)
                target = href
            case .removed:
                writer.write(2)
                continue
            }
            let shared = shared?[index] ?? (index < written.count ? Self.sharedEnd(of: target, with: written[index].destination) : 0)
            writer.write(utf8Prefix: target.utf8.count - shared, of: target)
            writer.write(shared)
        }
    }

    /// What `write` wrote, the targets' starts with the diagnostics and anchors `readRest` reads.
    static func read(_ reader: inout ByteReader,
                     readRest: (inout ByteReader) throws(ByteReader.Malformed) -> PageLinks) throws(ByteReader.Malformed) -> CachedLinks {
        var shared: [Int] = []
        let targets = try reader.array { reader throws(ByteReader.Malformed) -> ResolvedLink in
            let kind = try reader.int()
            guard kind != 2 else {
                shared.append(0)
                return .removed
            }
            let start = try reader.string()
            let count = try reader.int()
            guard count >= 0 else { throw ByteReader.Malformed() }
            shared.append(count)
            switch kind {
            case 0: return .local(start)
            case 1: return .external(start)
            default: throw ByteReader.Malformed()
            }
        }
        var links = try readRest(&reader)
        links.links = targets
        return CachedLinks(starts: links, shared: shared)
    }
}
