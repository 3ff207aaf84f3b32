import HashiSupport

/// Front matter in its everyday form read without a YAML parser: one `key: value` a line,
/// values double-quoted (no escapes) or plain, and `tags` as a block list. Yams takes about as
/// long to read a page's few lines as cmark takes to render its body, and nearly every page is
/// written this way.
///
/// It answers only when it is sure to agree with the YAML reading (`FrontMatterParser.parseWithYams`)
/// and that reading finds nothing to report; anything else (a comment, an escape, a flow list, a
/// value YAML would read as a number or null, an error to point at) returns nil and goes there.
enum QuickFrontMatter {
    static func read(_ yaml: String) -> FrontMatter? {
        var frontMatter = FrontMatter()
        var seen: Set<String> = []
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            guard FrontMatter.keys.contains(key), seen.insert(key).inserted else { return nil }
            let rest = line[line.index(after: colon)...]
            if key == "tags" {
                guard rest.isEmpty else { return nil }
                var tags: [String] = []
                // Items at one indent: a deeper `- b` would continue the item before it.
                let indent = lines.first.map { $0.prefix { $0 == " " }.count }
                while let item = lines.first, let value = listItem(item) {
                    guard item.prefix(while: { $0 == " " }).count == indent else { return nil }
                    lines.removeFirst()
                    guard let text = scalar(value) else { return nil }
                    tags.append(text.value)
                }
                guard !tags.isEmpty else { return nil }
                frontMatter.tags = tags
                continue
            }
            // `key: value`, the value after one or more spaces.
            guard rest.first == " " else { return nil }
            let value = rest.drop { $0 == " " }
            guard let (text, isPlain) = scalar(value) else { return nil }
            switch key {
            case "title":
                guard !text.trimmingWhitespace.isEmpty else { return nil }
                frontMatter.title = text
            case "description": frontMatter.description = text
            case "translatedFrom": frontMatter.translatedFrom = text
            case "date":
                guard let date = SimpleDate(parsing: text) else { return nil }
                frontMatter.date = date
            case "draft":
                guard isPlain, text == "true" || text == "false" else { return nil }
                frontMatter.draft = text == "true"
            case "weight":
                guard isPlain, let weight = plainInteger(text) else { return nil }
                frontMatter.weight = weight
            case "slug", "translationKey", "layout":
                guard PathComponentRule.problem(with: text, allowSlash: false) == nil else { return nil }
                let field: WritableKeyPath<FrontMatter, String?> = key == "slug" ? \.slug : key == "layout" ? \.layout : \.translationKey
                frontMatter[keyPath: field] = text
            default:
                return nil
            }
        }
        return seen.contains("title") ? frontMatter : nil
    }

    /// The value of a `  - value` line (any indent of spaces), or nil when the line is not one.
    private static func listItem(_ line: Substring) -> Substring? {
        let item = line.drop { $0 == " " }
        guard item.hasPrefix("- ") else { return nil }
        return item.dropFirst(2).drop { $0 == " " }
    }

    /// The text of a double-quoted value without escapes, or of a plain value YAML reads as text;
    /// nil for anything else. One pass over the bytes.
    private static func scalar(_ value: Substring) -> (value: String, isPlain: Bool)? {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, let last = bytes.last else { return nil }
        var quotes = 0
        var escapes = false
        var plainBreaker = false  // ": " or " #" inside
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0..<0x20, 0x7F: return nil
            // U+0080–U+009F, U+2028, U+2029, U+FEFF: left to the YAML reader.
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] < 0xA0: return nil
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return nil
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF: return nil
            case UInt8(ascii: "\""): quotes += 1
            case UInt8(ascii: "\\"): escapes = true
            case UInt8(ascii: ":") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: " "): plainBreaker = true
            case UInt8(ascii: "#") where index > 0 && bytes[index - 1] == UInt8(ascii: " "): plainBreaker = true
            default: break
            }
        }
        if first == UInt8(ascii: "\"") {
            guard bytes.count >= 2, last == UInt8(ascii: "\""), quotes == 2, !escapes else { return nil }
            return (String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self), false)
        }
        // Plain: no indicator first, nothing that starts a comment or a mapping, no space at the end.
        guard !Self.indicators.contains(first), !plainBreaker, last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return nil }
        let text = String(value)
        guard !["~", "null", "Null", "NULL"].contains(text) else { return nil }
        return (text, true)
    }

    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    /// `0` or a decimal number without leading zeros or sign, as YAML reads an integer the same way in every version.
    private static func plainInteger(_ text: String) -> Int? {
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text == "0" || !text.hasPrefix("0"), text.utf8.count <= 15 else { return nil }
        return Int(text)
    }
}
