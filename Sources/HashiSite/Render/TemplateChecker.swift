import HashiContent
import HashiSupport

/// Finds what would silently render as nothing: names no context has, unknown partials and UI
/// strings; and what hashi does not render (transforms, dynamic names). It reads the tags the
/// parser found, so it follows changes of delimiters as rendering does.
struct TemplateChecker {
    let sources: [String: String]
    let tags: [String: [TemplateTag]]
    let files: [String: String]
    let strings: UIStrings

    /// swift-mustache's transforms, named as such in the diagnostic for a theme written for it.
    static let transforms: Set<String> = [
        "capitalized", "lowercased", "uppercased", "reversed", "count", "empty", "first", "last",
        "sorted", "enumerated", "equalzero", "plusone", "minusone", "even", "odd",
    ]

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, tags) in tags.sorted(by: { $0.key < $1.key }) {
            let file = files[name] ?? name
            let text = sources[name] ?? ""
            for tag in tags {
                guard let problem = problem(with: tag) else { continue }
                let (line, column) = Self.position(of: tag.offset, in: text)
                diagnostics.append(Diagnostic(problem, at: SourceLocation(file: file, line: line, column: column)))
            }
        }
        return diagnostics
    }

    private func problem(with tag: TemplateTag) -> RenderProblem? {
        switch tag.sigil {
        case ">", "<":
            if tag.name.hasPrefix("*") { return .dynamicName(name: tag.name) }
            return sources[tag.name] == nil ? .unknownPartial(name: tag.name) : nil
        case "$", "/":
            return nil
        default:
            return problem(with: tag.name)
        }
    }

    private func problem(with expression: String) -> RenderProblem? {
        if let open = expression.firstIndex(of: "(") {
            let transform = String(expression[..<open])
            guard Self.transforms.contains(transform) else { return .unknownTransform(name: transform) }
            return .unsupportedTransform(name: transform)
        }
        if expression == "." { return nil }
        let parts = expression.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, PageContext.knownKeys.contains(first) || PageContext.channelKeys.contains(first) else {
            return .unknownName(expression: expression, known: PageContext.knownKeys.sorted().joined(separator: ", "))
        }
        if first == PageContext.uiStringsKey {
            guard parts.count == 2, strings.keys.contains(parts[1]) else {
                return .unknownUIString(expression: expression)
            }
        }
        return nil
    }

    /// The line and column (in characters, from 1) of a byte offset in `text`.
    static func position(of offset: Int, in text: String) -> (line: Int, column: Int) {
        let bytes = text.utf8
        let end = bytes.index(bytes.startIndex, offsetBy: min(offset, bytes.count))
        let before = bytes[..<end]
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { bytes.index(after: $0) } ?? bytes.startIndex
        return (line, Substring(text.utf8[lineStart..<end]).count + 1)
    }
}
