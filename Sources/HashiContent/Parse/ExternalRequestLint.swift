import HashiSupport

/// Finds what would make a page ask another site for something: a script, stylesheet, image or
/// frame from an absolute URL in a template, or `url(…)` and `@import` of one in a stylesheet.
/// Links a visitor chooses to follow (`<a href="https://…">`) are fine.
package enum ExternalRequestLint {
    static let attributes = ["src=\"", "srcset=\"", "data=\"", "poster=\""]

    package static func template(_ text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        forEachLine(text) { line, number in
            // Every pattern below has a `"`: most lines have none.
            guard hasByte(UInt8(ascii: "\""), in: line) else { return }
            for attribute in attributes where contains(line, attribute) {
                found.append(Diagnostic(ParseProblem.templateLoadsExternal(attribute: String(attribute.dropLast(2))),
                                         at: SourceLocation(file: file, line: number)))
            }
            // <link rel="canonical"> and rel="alternate" name addresses; a browser fetches nothing from them.
            if line.contains("<link"), contains(line, "href=\""), !line.contains("rel=\"canonical\""), !line.contains("rel=\"alternate\"") {
                found.append(Diagnostic(ParseProblem.templateLinksExternal,
                                         at: SourceLocation(file: file, line: number)))
            }
        }
        return found
    }

    package static func stylesheet(_ text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        forEachLine(text) { line, number in
            // Every opener has a `(` or an `@`: most lines have neither.
            guard hasByte(UInt8(ascii: "("), in: line) || hasByte(UInt8(ascii: "@"), in: line) else { return }
            // Every opener and address prefix is ASCII: lowercasing ASCII letters is enough.
            let lower = String(decoding: line.utf8.map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 }, as: UTF8.self)
            for opener in ["url(\"", "url('", "url(", "@import \"", "@import '", "@import url(", "@import"] where contains(lower, opener) {
                found.append(Diagnostic(ParseProblem.stylesheetLoadsExternal,
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
        var opener = opener
        return line.withUTF8 { bytes in
            opener.withUTF8 { pattern in
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

    private static func hasByte(_ byte: UInt8, in line: String) -> Bool {
        var line = line
        return line.withUTF8 { $0.firstIndex(of: byte, from: 0) != nil }
    }

    /// Each line and its number. Lines end at LF, as Characters do (a CR LF pair is one Character,
    /// so it ends no line), found as byte offsets and cut from `text` without a new check of UTF-8.
    private static func forEachLine(_ text: String, _ body: (String, Int) -> Void) {
        var text = text
        let ends = text.withUTF8 { bytes -> [Int] in
            var ends: [Int] = []
            var start = 0
            while let found = bytes.firstIndex(of: UInt8(ascii: "\n"), from: start) {
                if found == 0 || bytes[found - 1] != UInt8(ascii: "\r") { ends.append(found) }
                start = found + 1
            }
            return ends + [bytes.count]
        }
        let utf8 = text.utf8
        var start = 0
        for (index, end) in ends.enumerated() {
            body(String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]), index + 1)
            start = end + 1
        }
    }

    /// Raw HTML of a page (a site with `unsafeHTML: true`) that loads something from another site.
    /// The rendered `html` is searched, so HTML shown in a code block (escaped there) is not
    /// reported; each finding is placed where its URL stands in the page's `markdown`.
    package static func page(html: String, markdown: String, file: String, firstLine: Int) -> [Diagnostic] {
        externalURLs(inHTML: html).map { attribute, url, _ in
            Diagnostic(ParseProblem.rawHTMLLoadsExternal(attribute: attribute, url: String(url.prefix(60))),
                       at: location(of: url, in: markdown, file: file, firstLine: firstLine))
        }
    }

    /// An HTML or SVG file of the content, copied as it is: what it loads from another site, at its
    /// line; and in an SVG, any script (an image must not run code when opened on its own).
    static func copiedFile(_ text: String, file: String) -> [Diagnostic] {
        var lineStarts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func line(at offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low + 1
        }
        var found = externalURLs(inHTML: text).map { attribute, url, offset in
            Diagnostic(ParseProblem.fileLoadsExternal(attribute: attribute, url: String(url.prefix(60))),
                       at: SourceLocation(file: file, line: line(at: offset)))
        }
        if file.lowercased().hasSuffix(".svg") {
            found += scripts(inSVG: text).map { offset in
                Diagnostic(ParseProblem.scriptInSVG, at: SourceLocation(file: file, line: line(at: offset)))
            }
        }
        return found
    }

    /// Each attribute of a tag that loads an absolute URL, with the URL and the tag's byte offset.
    private static func externalURLs(inHTML html: String) -> [(attribute: String, url: String, offset: Int)] {
        let bytes = Array(html.utf8)
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var found: [(String, String, Int)] = []
        var index = 0
        while index < lower.count {
            guard lower[index] == UInt8(ascii: "<") else { index += 1; continue }
            let end = lower[index...].firstIndex(of: UInt8(ascii: ">")) ?? lower.count
            let tag = Array(lower[index..<end])
            let isLink = tag.starts(with: Array("<link".utf8)) || tag.starts(with: Array("<use".utf8)) || tag.starts(with: Array("<image".utf8))
            for attribute in (isLink ? ["href", "xlink:href"] : []) + ["src", "srcset", "data", "poster"] {
                for url in values(of: attribute, in: tag, original: Array(bytes[index..<end]))
                where url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("//") {
                    found.append((attribute, url, index))
                }
            }
            index = end
        }
        return found
    }

    /// Byte offsets of what can run code in an SVG: `<script`, an `on…=` attribute, a `javascript:` address.
    private static func scripts(inSVG text: String) -> [Int] {
        let lower = text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var found: [Int] = []
        var index = 0
        while index < lower.count {
            let rest = lower[index...]
            if rest.starts(with: "<script".utf8) || rest.starts(with: "javascript:".utf8) {
                found.append(index)
            } else if index > 0, lower[index - 1] <= 0x20, rest.starts(with: "on".utf8) {
                var end = index + 2
                while end < lower.count, (lower[end] &- 0x61) < 26 { end += 1 }
                if end > index + 2, end < lower.count, lower[end] == UInt8(ascii: "=") { found.append(index) }
            }
            index += 1
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
