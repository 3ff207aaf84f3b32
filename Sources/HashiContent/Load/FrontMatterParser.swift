import HashiSupport

/// Splits `---` front matter from the Markdown body and reads it into a `FrontMatter`.
enum FrontMatterParser {
    struct Split {
        var yaml: String
        var body: String
        /// 1-based line of the file where the body starts.
        var bodyStartLine: Int
    }

    /// Finds the front matter block; nil with a diagnostic when it is missing or never closed.
    static func split(_ text: String, file: String) -> (Split?, Diagnostic?) {
        guard text.hasPrefix("---\n") || text == "---" else {
            let problem: FrontMatterProblem = text.isEmpty ? .emptyFile : .missing
            return (nil, Diagnostic(problem, at: SourceLocation(file: file)))
        }
        // Lines end at LF, as Characters do: a CR LF pair is one Character, so it ends no line.
        // Found as byte offsets; the parts are then cut from `text`, which needs no new check of UTF-8.
        var text = text
        let found = text.withUTF8 { bytes -> (yamlEnd: Int, body: Int, line: Int)? in
            let newline = UInt8(ascii: "\n")
            var lineNumber = 1
            var start = min(4, bytes.count)
            while start < bytes.count {
                lineNumber += 1
                var end = start
                while let found = bytes.firstIndex(of: newline, from: end), found > 0, bytes[found - 1] == UInt8(ascii: "\r") {
                    end = found + 1
                }
                end = bytes.firstIndex(of: newline, from: end) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    // The lines before, joined by LF (the last has none), and what follows.
                    return (max(4, start - 1), min(end + 1, bytes.count), lineNumber)
                }
                start = min(end + 1, bytes.count)
            }
            return nil
        }
        guard let found else {
            return (nil, Diagnostic(FrontMatterProblem.notClosed, at: SourceLocation(file: file)))
        }
        let utf8 = text.utf8
        let yaml = String(text[utf8.index(utf8.startIndex, offsetBy: 4)..<utf8.index(utf8.startIndex, offsetBy: found.yamlEnd)])
        let body = String(text[utf8.index(utf8.startIndex, offsetBy: found.body)...])
        return (Split(yaml: yaml, body: body, bodyStartLine: found.line + 1), nil)
    }

    /// Reads the keys of the front matter; the YAML starts on line 2 of the file.
    static func parse(_ yaml: String, file: String) -> (FrontMatter?, [Diagnostic]) {
        if let frontMatter = QuickFrontMatter.read(yaml) { return (frontMatter, []) }
        return parseWithYams(yaml, file: file)
    }

    /// The full YAML reading, with a diagnostic at the line and column of each problem.
    static func parseWithYams(_ yaml: String, file: String) -> (FrontMatter?, [Diagnostic]) {
        var reader = YAMLReader(file: file, lineOffset: 1)
        var frontMatter = FrontMatter()
        guard !yaml.trimmingWhitespace.isEmpty else {
            return (nil, [Diagnostic(FrontMatterProblem.noTitle, at: SourceLocation(file: file))])
        }
        guard let root = reader.parse(yaml) else { return (nil, reader.diagnostics) }
        guard let pairs = reader.mapping(root, allowed: FrontMatter.keys, what: "front matter") else {
            return (nil, reader.diagnostics)
        }
        var hasTitle = false
        for (key, _, value) in pairs {
            switch key {
            case "title":
                if let title = reader.string(value, key: key) {
                    if title.trimmingWhitespace.isEmpty {
                        reader.report(FrontMatterProblem.emptyTitle, at: value)
                    } else {
                        frontMatter.title = title
                        hasTitle = true
                    }
                } else {
                    hasTitle = true // already reported
                }
            case "description": frontMatter.description = reader.string(value, key: key)
            case "date": frontMatter.date = reader.date(value, key: key)
            case "draft": frontMatter.draft = reader.bool(value, key: key) ?? false
            case "weight": frontMatter.weight = reader.int(value, key: key) ?? 0
            case "slug", "translationKey":
                guard let text = reader.string(value, key: key) else { continue }
                if let problem = PathComponentRule.problem(with: text, allowSlash: false) {
                    reader.report(FrontMatterProblem.invalidName(key: key, problem: problem), at: value)
                } else if key == "slug" {
                    frontMatter.slug = text
                } else {
                    frontMatter.translationKey = text
                }
            case "layout":
                guard let text = reader.string(value, key: key) else { continue }
                if let problem = PathComponentRule.problem(with: text, allowSlash: false) {
                    reader.report(FrontMatterProblem.invalidName(key: "layout", problem: problem), at: value)
                } else {
                    frontMatter.layout = text
                }
            case "tags": frontMatter.tags = reader.stringList(value, key: key) ?? []
            case "translatedFrom": frontMatter.translatedFrom = reader.string(value, key: key)
            default: break
            }
        }
        if !hasTitle {
            reader.report(FrontMatterProblem.noTitle, at: root)
        }
        return (reader.diagnostics.hasErrors ? nil : frontMatter, reader.diagnostics)
    }
}

/// What a name must be to become one folder of a URL: no way out of the output folder, nothing invisible.
enum PathComponentRule {
    static func problem(with text: String, allowSlash: Bool) -> NameProblem? {
        if text.isEmpty { return .empty }
        if text == "." || text == ".." || text.contains("/..") || text.hasPrefix("../") { return .parentFolder }
        if !allowSlash && text.contains("/") { return .slash }
        if text.contains("\\") { return .backslash }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return .controlCharacter
        }
        if text.hasPrefix(".") { return .leadingDot }
        return nil
    }
}
