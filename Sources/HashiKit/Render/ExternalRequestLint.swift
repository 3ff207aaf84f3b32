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
            let lower = line.lowercased()
            for opener in ["url(\"", "url('", "url(", "@import \"", "@import '", "@import url("] where contains(lower, opener) {
                found.append(.error("stylesheet loads something from another site: the site requests nothing from outside itself",
                                    at: SourceLocation(file: file, line: number)))
                break
            }
        }
        return found
    }

    /// Whether `opener` is followed at once by an absolute URL (`https://`, `http://`, `//`).
    private static func contains(_ line: String, _ opener: String) -> Bool {
        var rest = Substring(line)
        while let range = rest.range(of: opener) {
            let after = rest[range.upperBound...].drop { $0 == " " }
            if after.hasPrefix("http://") || after.hasPrefix("https://") || after.hasPrefix("//") { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    private static func forEachLine(_ text: String, _ body: (String, Int) -> Void) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            body(String(line), index + 1)
        }
    }
}
