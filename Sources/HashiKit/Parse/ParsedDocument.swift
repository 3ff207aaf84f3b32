/// What the Markdown of one page gives the rest of the pipeline: HTML plus facts found on the node tree.
public struct ParsedDocument: Sendable {
    /// HTML of the body. Each link and image target is a placeholder (`hashi-link:N`) that the
    /// Render stage replaces by the target the Model stage resolved for `links[N]`.
    public var html: String
    public var headings: [Heading]
    public var links: [LinkReference]
    /// The text a reader sees, one block a line, for search and summaries.
    public var plainText: String
    /// Plain text of the first paragraph, a fallback description.
    public var summary: String
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
