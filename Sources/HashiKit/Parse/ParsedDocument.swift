/// What the Markdown of one page gives the rest of the pipeline: HTML plus facts found on the node tree.
///
/// A document from the build cache is a summary: headings, links and first paragraph, enough to
/// build the site model; its HTML and text are made again (`MarkdownRenderer`) only for a page
/// that has to be rendered or indexed anew. Reading them from a summary stops the build.
public struct ParsedDocument: Sendable {
    public var headings: [Heading]
    public var links: [LinkReference]
    /// Plain text of the first paragraph, a fallback description.
    public var summary: String
    /// Length in UTF-8 bytes of `plainText`.
    public var textLength: Int
    /// A hash of all the document was made from (`BuildCache`): the same key, the same HTML and text.
    public var key: UInt64 = 0
    /// What the checks of the parsed page found (raw HTML loading from another site), kept with the summary.
    public var diagnostics: [Diagnostic] = []
    /// False for a summary from the cache.
    public private(set) var isComplete: Bool
    private let storedHTML: Releasable<[UInt8]>
    private let storedText: ReleasableText

    /// `html` is UTF-8.
    init(html: [UInt8], headings: [Heading], links: [LinkReference], plainText: String, summary: String) {
        self.headings = headings
        self.links = links
        self.summary = summary
        self.textLength = plainText.utf8.count
        self.isComplete = true
        self.storedHTML = Releasable(html)
        self.storedText = ReleasableText(plainText)
    }

    /// A summary, as the cache keeps it.
    init(summaryWithHeadings headings: [Heading], links: [LinkReference], summary: String, textLength: Int, key: UInt64,
         diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
        self.headings = headings
        self.links = links
        self.summary = summary
        self.textLength = textLength
        self.key = key
        self.isComplete = false
        self.storedHTML = Releasable([UInt8]())
        self.storedText = ReleasableText("")
    }

    /// HTML of the body. Each link and image target is a placeholder (`hashi-link:N`) that the
    /// Render stage replaces by the target the Model stage resolved for `links[N]`.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }

    /// `html` as cmark wrote it (UTF-8), which is what the Render stage reads.
    var htmlBytes: [UInt8] {
        precondition(isComplete, "the HTML of a cached document summary was read; parse it again first")
        return storedHTML.current
    }

    /// The text a reader sees, one block a line, for search.
    public var plainText: String {
        precondition(isComplete, "the text of a cached document summary was read; parse it again first")
        return storedText.text
    }

    /// Lets go of the HTML once the page is written, and of the text once it is indexed.
    func releaseHTML() { storedHTML.release() }
    func releaseText() { storedText.release() }

    /// The summary the cache keeps of this document.
    var cacheSummary: ParsedDocument {
        ParsedDocument(summaryWithHeadings: headings, links: links, summary: summary, textLength: textLength, key: key,
                       diagnostics: diagnostics)
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
let linkPlaceholderPrefix = "hashi-link:"
