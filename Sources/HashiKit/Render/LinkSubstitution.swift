/// Puts the targets the Model stage resolved in place of the `hashi-link:N` placeholders of the body HTML.
enum LinkSubstitution {
    static func apply(_ links: [ResolvedLink], to html: String) -> String {
        guard !links.isEmpty else { return html }
        let marker = Array(("=\"" + linkPlaceholderPrefix).utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + links.count * 24)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), bytes[index...].starts(with: marker) else {
                out.append(bytes[index])
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
                out.append(bytes[index])
                index += 1
                continue
            }
            let attributeIsHref = index >= 5 && Array(bytes[(index - 5)..<index]) == Array(" href".utf8)
            let replacement: String
            switch links[number] {
            case .local(let href):
                replacement = "=\"" + HTMLEscaping.attribute(href) + "\""
            case .external(let href):
                replacement = "=\"" + HTMLEscaping.attribute(href) + "\"" + (attributeIsHref ? " rel=\"noopener noreferrer\"" : "")
            case .removed:
                // Drop the attribute: `<a>` without href is text, not a link.
                if attributeIsHref { out.removeLast(5) }
                replacement = attributeIsHref ? "" : "=\"\""
            }
            out += Array(replacement.utf8)
            index = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
