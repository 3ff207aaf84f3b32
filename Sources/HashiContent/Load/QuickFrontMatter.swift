import HashiSupport

/// Front matter in its everyday form read without a YAML parser: one `key: value` a line,
/// values double-quoted (no escapes) or plain, and `tags` as a block list. Yams takes about as
/// long to read a page's few lines as cmark takes to render its body, and nearly every page is
/// written this way.
///
/// It answers only when it is sure to agree with the YAML reading (`FrontMatterParser.parseWithYams`)
/// and that reading finds nothing to report; anything else (a comment, an escape, a flow list, a
/// value YAML would read as a number or null, an error to point at) returns nil and goes there.
/// It reads bytes, as YAML reads scalars: a key is ASCII, and every delimiter it looks for too.
enum QuickFrontMatter {
    static func read(_ yaml: String) -> FrontMatter? {
        var yaml = yaml
        return yaml.withUTF8 { read(bytes: $0) }
    }

    private static func read(bytes: UnsafeBufferPointer<UInt8>) -> FrontMatter? {
        var frontMatter = FrontMatter()
        var seen: Set<Key> = []
        var lines = Lines(bytes: bytes)
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                  let key = Key(bytes: UnsafeBufferPointer(rebasing: line[..<colon])), seen.insert(key).inserted else { return nil }
            let rest = UnsafeBufferPointer(rebasing: line[(colon + 1)...])
            if key == .tags {
                guard rest.isEmpty, let tags = readTags(&lines) else { return nil }
                frontMatter.tags = tags
                continue
            }
            // `key: value`, the value after one or more spaces.
            guard rest.first == UInt8(ascii: " ") else { return nil }
            let value = UnsafeBufferPointer(rebasing: rest.drop { $0 == UInt8(ascii: " ") })
            guard let (text, isPlain) = scalar(value), set(key, to: text, isPlain: isPlain, in: &frontMatter) else { return nil }
        }
        return seen.contains(.title) ? frontMatter : nil
    }

    /// The items of a block list at one indent: a deeper `- b` would continue the item before it.
    private static func readTags(_ lines: inout Lines) -> [String]? {
        var tags: [String] = []
        let indent = lines.peek().map(leadingSpaces)
        while let item = lines.peek(), let value = listItem(item) {
            guard leadingSpaces(item) == indent else { return nil }
            _ = lines.next()
            guard let text = scalar(value) else { return nil }
            tags.append(text.value)
        }
        return tags.isEmpty ? nil : tags
    }

    /// Sets the field of `key` (not `tags`); false when YAML would read the value otherwise.
    private static func set(_ key: Key, to text: String, isPlain: Bool, in frontMatter: inout FrontMatter) -> Bool {
        switch key {
        case .title:
            guard !text.trimmingWhitespace.isEmpty else { return false }
            frontMatter.title = text
        case .description: frontMatter.description = text
        case .translatedFrom: frontMatter.translatedFrom = text
        case .date:
            guard let date = SimpleDate(parsing: text) else { return false }
            frontMatter.date = date
        case .draft:
            guard isPlain, text == "true" || text == "false" else { return false }
            frontMatter.draft = text == "true"
        case .weight:
            guard isPlain, let weight = plainInteger(text) else { return false }
            frontMatter.weight = weight
        case .slug, .translationKey, .layout:
            guard PathComponentRule.problem(with: text, allowSlash: false) == nil else { return false }
            let field: WritableKeyPath<FrontMatter, String?> = key == .slug ? \.slug : key == .layout ? \.layout : \.translationKey
            frontMatter[keyPath: field] = text
        case .tags:
            return false
        }
        return true
    }

    /// The value of a `  - value` line (any indent of spaces), or nil when the line is not one.
    private static func listItem(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let item = line.drop { $0 == UInt8(ascii: " ") }
        guard item.starts(with: "- ".utf8) else { return nil }
        return UnsafeBufferPointer(rebasing: item.dropFirst(2).drop { $0 == UInt8(ascii: " ") })
    }

    private static func leadingSpaces(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        line.prefix { $0 == UInt8(ascii: " ") }.count
    }

    /// The text of a double-quoted value without escapes, or of a plain value YAML reads as text;
    /// nil for anything else. One pass over the bytes.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: String, isPlain: Bool)? {
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
        // Cut from valid UTF-8 at ASCII bytes: valid UTF-8.
        if first == UInt8(ascii: "\"") {
            guard bytes.count >= 2, last == UInt8(ascii: "\""), quotes == 2, !escapes else { return nil }
            return (UTF8Text.string(UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)])), false)
        }
        // Plain: no indicator first, nothing that starts a comment or a mapping, no space at the end.
        guard !Self.indicators.contains(first), !plainBreaker, last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return nil }
        guard !Self.nulls.contains(where: { bytes.elementsEqual($0.utf8) }) else { return nil }
        return (UTF8Text.string(bytes), true)
    }

    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
    private static let nulls = ["~", "null", "Null", "NULL"]

    /// `0` or a decimal number without leading zeros or sign, as YAML reads an integer the same way in every version.
    private static func plainInteger(_ text: String) -> Int? {
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text == "0" || !text.hasPrefix("0"), text.utf8.count <= 15 else { return nil }
        return Int(text)
    }

    /// The keys of `FrontMatter.keys`, matched by their bytes.
    enum Key: CaseIterable {
        case title, description, date, draft, weight, slug, translationKey, layout, tags, translatedFrom

        init?(bytes: UnsafeBufferPointer<UInt8>) {
            guard let index = Self.names.firstIndex(where: { bytes.elementsEqual($0) }) else { return nil }
            self = Self.allCases[index]
        }

        static let names: [[UInt8]] = allCases.map { Array("\($0)".utf8) }
    }

    /// The lines of the front matter, cut at each `\n` (an empty one kept).
    private struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        var start = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        func peek() -> UnsafeBufferPointer<UInt8>? {
            guard start <= bytes.count else { return nil }
            return UnsafeBufferPointer(rebasing: bytes[start..<(bytes.firstIndex(of: UInt8(ascii: "\n"), from: start) ?? bytes.count)])
        }

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            guard let line = peek() else { return nil }
            start += line.count + 1
            return line
        }
    }
}
