/// Escaping for text placed in HTML by the generator itself (templates escape their own values).
enum HTMLEscaping {
    static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func attribute(_ value: String) -> String { text(value) }
}
