import HashiSupport

/// Records in a translation which version of its source it was made from (`translatedFrom:`),
/// so later builds can tell when the source has changed (`hashi stamp FILE`).
public struct TranslationStamper {
    public let content: LoadedContent

    public init(content: LoadedContent) {
        self.content = content
    }

    public enum Failure: Error, CustomStringConvertible {
        case notAPage(String)
        case noSource(String)

        public var description: String {
            switch self {
            case .notAPage(let path): return "\(path) is not a page of the content folder"
            case .noSource(let path): return "\(path) has no source page in another language to be a translation of"
            }
        }
    }

    /// The file's new text, with `translatedFrom:` set to the hash of its source in the first
    /// language that has the page.
    public func stamped(displayPath: String, text: String) throws(Failure) -> String {
        guard let page = content.sources.first(where: { $0.displayPath == displayPath }) else { throw .notAPage(displayPath) }
        let key = page.frontMatter.translationKey ?? String(page.relativePath.dropLast(3))
        let source = content.config.languages.lazy.compactMap { language in
            self.content.sources.firstIndex { $0.language == language && ($0.frontMatter.translationKey ?? String($0.relativePath.dropLast(3))) == key }
        }.first
        guard let source, content.sources[source].displayPath != page.displayPath else { throw .noSource(displayPath) }
        return Self.setting(translatedFrom: SourceHash.of(content.body(of: source)), in: text)
    }

    /// Replaces the `translatedFrom:` line of the front matter, or adds one before its closing `---`.
    static func setting(translatedFrom hash: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return text }
        let line = "translatedFrom: \(hash)"
        if let existing = lines[1..<close].firstIndex(where: { $0.hasPrefix("translatedFrom:") }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: close)
        }
        return lines.joined(separator: "\n")
    }
}
