import HashiContent
import HashiSupport

/// Puts the targets the Model stage resolved in place of the `hashi-link:N` placeholders of the body HTML.
enum LinkSubstitution {
    static func apply(_ links: [ResolvedLink], to html: String) -> String {
        String(decoding: apply(links, to: Array(html.utf8)), as: UTF8.self)
    }

    /// The same on UTF-8 bytes, as the Render stage reads and writes a page.
    static func apply(_ links: [ResolvedLink], to html: [UInt8]) -> [UInt8] {
        guard !links.isEmpty else { return html }
        let marker = Array(("=\"" + linkPlaceholderPrefix).utf8)
        let href = Array(" href".utf8)
        return html.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + links.count * 24)
            // bytes[copied..<index] are waiting to be copied; each placeholder is found by its `=`.
            var copied = 0
            var index = 0
            while let equals = bytes.firstIndex(of: UInt8(ascii: "="), from: index) {
                index = equals
                guard bytes[index...].starts(with: marker) else {
                    index += 1
                    continue
                }
                var end = index + marker.count
                var number = 0
                while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 {
                    number = number * 10 + Int(bytes[end] - 48)
                    end += 1
                }
                guard end < bytes.count, bytes[end] == UInt8(ascii: "\""), end > index + marker.count, number < links.count else {
                    index += 1
                    continue
                }
                out += bytes[copied..<index]
                let attributeIsHref = index >= href.count && bytes[(index - href.count)..<index].elementsEqual(href)
                switch links[number] {
                case .local(let target):
                    appendAttribute(target, to: &out)
                case .external(let target):
                    appendAttribute(target, to: &out)
                    if attributeIsHref { out += " rel=\"noopener noreferrer\"".utf8 }
                case .removed:
                    // Drop the attribute: `<a>` without href is text, not a link.
                    if attributeIsHref { out.removeLast(href.count) } else { out += "=\"\"".utf8 }
                }
                index = end + 1
                copied = index
            }
            out += bytes[copied...]
            return out
        }
    }

    /// `="target"`, the target escaped, written straight into the page's bytes.
    private static func appendAttribute(_ target: String, to out: inout [UInt8]) {
        var target = target
        out += "=\"".utf8
        target.withUTF8 { HTMLEscaping.append($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }
}
