import HashiSupport

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

    /// Turns byte columns of file lines (as cmark counts) into character columns (as editors count),
    /// in one pass over the body however many there are. `positions` are (line of the file, byte column).
    public func characterColumns(_ positions: [(line: Int, byteColumn: Int)], body: String) -> [Int] {
        var columns = positions.map(\.byteColumn)
        let order = positions.indices.sorted { (positions[$0].line, positions[$0].byteColumn) < (positions[$1].line, positions[$1].byteColumn) }
        var next = 0
        var line = bodyStartLine
        var lineStart = 0
        var characters = 0
        var offset = 0
        for byte in body.utf8 {
            // Every position on this line that starts at this byte gets the characters counted before it.
            while next < order.count, positions[order[next]].line < line || (positions[order[next]].line == line
                    && positions[order[next]].byteColumn - 1 <= offset - lineStart) {
                if positions[order[next]].line == line { columns[order[next]] = characters + 1 }
                next += 1
            }
            if next == order.count { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
                characters = 0
            } else if byte & 0xC0 != 0x80 {
                characters += 1
            }
            offset += 1
        }
        // Positions at the very end of the body, after its last byte.
        for index in order[next...] where positions[index].line == line && positions[index].byteColumn - 1 == offset - lineStart {
            columns[index] = characters + 1
        }
        return columns
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
    /// How diagnostics name it (`Content/en/images/map.png`).
    public let displayPath: String

    public init(outputPath: String, sourcePath: String, displayPath: String? = nil) {
        self.outputPath = outputPath
        self.sourcePath = sourcePath
        self.displayPath = displayPath ?? sourcePath
    }
}
