import HashiSupport

/// What the Model stage and a page's context need of a page's Markdown: headings, links, first
/// paragraph and how long its text is. Small, so every page keeps one, and the build cache keeps it
/// between builds; the HTML and text are in `ParsedDocument`, served by `DocumentStore`.
public struct DocumentSummary: Sendable {
    public var headings: [Heading]
    public var links: [LinkReference]
    /// Plain text of the first paragraph, a fallback description (from the build cache, only its
    /// first `descriptionLength` characters, and none when the front matter has a description).
    public var summary: String
    /// The characters of `summary` a page shows, as a description in its head and in lists: no
    /// more are kept between builds.
    public static let descriptionLength = 160
    /// Length in UTF-8 bytes of the document's plain text.
    public var textLength: Int
    /// A hash of all the document was made from (`BuildCache`): the same key, the same HTML and text.
    public var key: UInt64 = 0
    /// What the checks of the parsed page found (raw HTML loading from another site).
    public var diagnostics: [Diagnostic] = []

    public init(headings: [Heading], links: [LinkReference], summary: String, textLength: Int, key: UInt64 = 0,
                diagnostics: [Diagnostic] = []) {
        self.headings = headings
        self.links = links
        self.summary = summary
        self.textLength = textLength
        self.key = key
        self.diagnostics = diagnostics
    }
}

/// One page's Markdown parsed whole: its summary, its HTML and the text search indexes.
public struct ParsedDocument: Sendable {
    public var facts: DocumentSummary
    /// HTML of the body, UTF-8. Each link and image target is a placeholder (`hashi-link:N`) that the
    /// Render stage replaces by the target the Model stage resolved for `links[N]`.
    public var htmlBytes: [UInt8]
    /// The text a reader sees, one block a line, for search.
    public var plainText: String

    init(html: [UInt8], headings: [Heading], links: [LinkReference], plainText: String, summary: String) {
        facts = DocumentSummary(headings: headings, links: links, summary: summary, textLength: plainText.utf8.count)
        htmlBytes = html
        self.plainText = plainText
    }

    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    public var headings: [Heading] { facts.headings }
    public var links: [LinkReference] { facts.links }
    public var key: UInt64 {
        get { facts.key }
        set { facts.key = newValue }
    }
    public var diagnostics: [Diagnostic] {
        get { facts.diagnostics }
        set { facts.diagnostics = newValue }
    }
}

/// A heading of the body with the `id` the HTML gives it.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int
}

/// A link or image target as the author wrote it, and where.
public struct LinkReference: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    public var location: SourceLocation
}

/// Prefix of the placeholders written into `ParsedDocument.html`.
package let linkPlaceholderPrefix = "hashi-link:"
