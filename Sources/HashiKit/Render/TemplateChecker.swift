/// Finds what swift-mustache would silently render as nothing: unknown names, partials and transforms.
struct TemplateChecker {
    let sources: [String: String]
    let files: [String: String]
    let strings: UIStrings

    static let transforms: Set<String> = [
        "capitalized", "lowercased", "uppercased", "reversed", "count", "empty", "first", "last",
        "sorted", "enumerated", "equalzero", "plusone", "minusone", "even", "odd",
    ]

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = files[name] ?? name
            var blocks: Set<String> = []
            for tag in Self.tags(in: text) {
                let location = SourceLocation(file: file, line: tag.line, column: tag.column)
                switch tag.sigil {
                case ">", "<":
                    if !tag.name.hasPrefix("*") && sources[tag.name] == nil {
                        diagnostics.append(.error("unknown partial \"\(tag.name)\"", at: location))
                    }
                case "$":
                    blocks.insert(tag.name)
                case "!", "/", "=":
                    continue
                default:
                    if let problem = problem(with: tag.name) {
                        diagnostics.append(.error(problem, at: location))
                    }
                }
            }
        }
        return diagnostics
    }

    private func problem(with expression: String) -> String? {
        var name = expression
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let transform = String(name[..<open])
            guard Self.transforms.contains(transform) else { return "unknown transform \"\(transform)\"" }
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
        if name == "." { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, PageContext.knownKeys.contains(first) || PageContext.channelKeys.contains(first) else {
            return "unknown name \"\(name)\" (a template can use: \(PageContext.knownKeys.sorted().joined(separator: ", ")))"
        }
        if first == "t" {
            guard parts.count == 2, strings.keys.contains(parts[1]) else {
                return "unknown UI string \"\(name)\": add it to every i18n/<lang>.yaml"
            }
        }
        return nil
    }

    /// The first `{{#name}}` or `{{^name}}` (or block, or parent) that no closing tag matches.
    static func unclosedSection(in text: String) -> Tag? {
        var open: [Tag] = []
        for tag in tags(in: text) {
            switch tag.sigil {
            case "#", "^", "$", "<": open.append(tag)
            case "/": if let index = open.lastIndex(where: { $0.name == tag.name }) { open.removeSubrange(index...) }
            default: break
            }
        }
        return open.first
    }

    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of a template with their positions; stops at a change of delimiters, which it cannot follow.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let startLine = line, startColumn = column
                var inner = text.index(index, offsetBy: 2)
                let triple = inner < text.endIndex && text[inner] == "{"
                if triple { inner = text.index(after: inner) }
                guard let close = text[inner...].range(of: "}}") else { break }
                let body = text[inner..<close.lowerBound].trimmingWhitespace
                var sigil: Character? = triple ? "{" : nil
                var name = Substring(body)
                if !triple, let first = body.first, "#^/>< $!&=".contains(first), first != " " {
                    sigil = first
                    name = body.dropFirst().trimmingWhitespace
                }
                if sigil == "=" { break }
                tags.append(Tag(sigil: sigil, name: String(name), line: startLine, column: startColumn))
                var end = close.upperBound
                if triple, end < text.endIndex, text[end] == "}" { end = text.index(after: end) }
                for character in text[index..<end] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = end
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return tags
    }
}
