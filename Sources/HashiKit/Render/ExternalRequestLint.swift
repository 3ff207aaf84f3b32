/// Finds what would make a page ask another site for something: a script, stylesheet, image or
/// frame from an absolute URL in a template, or `url(…)` and `@import` of one in a stylesheet.
/// Links a visitor chooses to follow (`<a href="https://…">`) are fine.
enum ExternalRequestLint {
    static let attributes = ["src=\"", "srcset=\"", "data=\"", "poster=\""]

    static func template(_ text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        forEachLine(text) { line, number in
            for attribute in attributes where contains(line, attribute) {
                found.append(.error("template loads something from another site (\(attribute.dropLast(2))): the site requests nothing from outside itself",
                                    at: SourceLocation(file: file, line: number)))
            }
            // <link rel="canonical"> and rel="alternate" name addresses; a browser fetches nothing from them.
            if line.contains("<link"), contains(line, "href=\""), !line.contains("rel=\"canonical\""), !line.contains("rel=\"alternate\"") {
                found.append(.error("template links a stylesheet or other resource from another site: the site requests nothing from outside itself",
                                    at: SourceLocation(file: file, line: number)))
            }
        }
        return found
    }

    static func stylesheet(_ text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        forEachLine(text) { line, number in
            // Every opener and address prefix is ASCII: lowercasing ASCII letters is enough.
            let lower = String(decoding: line.utf8.map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 }, as: UTF8.self)
            for opener in ["url(\"", "url('", "url(", "@import \"", "@import '", "@import url("] where contains(lower, opener) {
                found.append(.error("stylesheet loads something from another site: the site requests nothing from outside itself",
                                    at: SourceLocation(file: file, line: number)))
                break
            }
        }
        return found
    }

    /// Whether `opener` is followed at once by an absolute URL (`https://`, `http://`, `//`).
    /// Compared byte for byte: every template line of every build is searched for each opener.
    private static func contains(_ line: String, _ opener: String) -> Bool {
        var line = line
        let pattern = Array(opener.utf8)
        return line.withUTF8 { bytes in
            pattern.withUnsafeBufferPointer { pattern in
                var start = 0
                while let found = bytes.firstIndex(of: pattern, from: start) {
                    var after = found + pattern.count
                    while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
                    let rest = bytes[after...]
                    if rest.starts(with: "http://".utf8) || rest.starts(with: "https://".utf8) || rest.starts(with: "//".utf8) { return true }
                    start = found + 1
                }
                return false
            }
        }
    }

    private static func forEachLine(_ text: String, _ body: (String, Int) -> Void) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            body(String(line), index + 1)
        }
    }

    /// Raw HTML of a page (a site with `unsafeHTML: true`) that loads something from another site.
    /// The rendered `html` is searched, so HTML shown in a code block (escaped there) is not
    /// reported; each finding is placed where its URL stands in the page's `markdown`.
    static func page(html: String, markdown: String, file: String, firstLine: Int) -> [Diagnostic] {
        let bytes = Array(html.utf8)
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var found: [Diagnostic] = []
        var index = 0
        while index < lower.count {
            guard lower[index] == UInt8(ascii: "<") else { index += 1; continue }
            let end = lower[index...].firstIndex(of: UInt8(ascii: ">")) ?? lower.count
            let tag = Array(lower[index..<end])
            let isLink = tag.starts(with: Array("<link".utf8))
            for attribute in (isLink ? ["href"] : []) + ["src", "srcset", "data", "poster"] {
                for url in values(of: attribute, in: tag, original: Array(bytes[index..<end]))
                where url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("//") {
                    found.append(.error("raw HTML loads something from another site (\(attribute) \"\(url.prefix(60))\"): "
                                        + "the site requests nothing from outside itself; save the file beside the page",
                                        at: location(of: url, in: markdown, file: file, firstLine: firstLine)))
                }
            }
            index = end
        }
        return found
    }

    /// The values of `name="…"`, `name='…'` and `name=…` in one tag (`lower` is it in lowercase).
    private static func values(of name: String, in lower: [UInt8], original: [UInt8]) -> [String] {
        var values: [String] = []
        let opener = Array((name + "=").utf8)
        var index = 1
        while index + opener.count < lower.count {
            guard lower[index - 1] <= 0x20, lower[index...].starts(with: opener) else { index += 1; continue }
            var start = index + opener.count
            let quote = lower[start]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") { start += 1 }
            var stop = start
            while stop < lower.count, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") ? lower[stop] != quote : lower[stop] > 0x20 {
                stop += 1
            }
            values.append(String(String(decoding: original[start..<stop], as: UTF8.self).trimmingWhitespace))
            index = stop
        }
        return values
    }

    private static func location(of url: String, in markdown: String, file: String, firstLine: Int) -> SourceLocation {
        guard let range = markdown.range(of: url) else { return SourceLocation(file: file, line: firstLine) }
        let before = markdown[..<range.lowerBound]
        let line = before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return SourceLocation(file: file, line: firstLine + line, column: column)
    }
}
