/// A Markdown file of one language, split into front matter and body.
public struct SourceFile: Sendable {
    public let language: Language
    /// Path under `Content/<lang>/`, `/`-separated and in Unicode NFC (`labor.md`, `guide/_index.md`).
    public let relativePath: String
    /// Path shown in diagnostics (`Content/en/labor.md`).
    public let displayPath: String
    public let frontMatter: FrontMatter
    /// Line of the file on which the body (the Markdown after the front matter) starts, so positions
    /// in the body map to the file. The body itself is in `LoadedContent.markdown`.
    public let bodyStartLine: Int

    public init(language: Language, relativePath: String, displayPath: String, frontMatter: FrontMatter, bodyStartLine: Int) {
        self.language = language
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        self.bodyStartLine = bodyStartLine
    }

    /// Turns a byte column of a file line (as cmark counts) into a character column (as editors count).
    public func characterColumn(line: Int, byteColumn: Int, body: String) -> Int {
        let bodyLine = line - bodyStartLine
        guard bodyLine >= 0, byteColumn > 1 else { return byteColumn }
        guard let text = body.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(bodyLine).first else { return byteColumn }
        let bytes = text.utf8.prefix(byteColumn - 1)
        return String(decoding: bytes, as: UTF8.self).count + 1
    }

    /// `_index.md` is the page of its folder: the language home or a section.
    public var isSectionIndex: Bool {
        relativePath == "_index.md" || relativePath.hasSuffix("/_index.md")
    }
}

/// A file in a language folder that is not Markdown (an image, a PDF): copied as it is.
public struct StaticFile: Sendable, Hashable {
    /// Path under the output folder (`en/images/map.png`).
    public let outputPath: String
    /// Where to read it.
    public let sourcePath: String
}
