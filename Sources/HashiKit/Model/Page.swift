/// One page of the site in one language, with its place in the output.
public struct Page: Sendable {
    public enum Kind: String, Sendable {
        /// `Content/<lang>/_index.md`
        case home
        /// `_index.md` of a sub-folder
        case section
        case page
    }

    public let source: SourceFile
    public let document: ParsedDocument
    public let kind: Kind
    /// Folder URL under the output root, ending in `/` (`en/`, `en/labor-trafficking/`).
    public let url: String
    /// Pairs the page with its translations: `translationKey`, else the path without `.md`.
    public let translationKey: String
    /// Where each link of `document.links` leads, by index; filled by the Model stage.
    public internal(set) var resolvedLinks: [ResolvedLink] = []

    public var language: Language { source.language }
    public var title: String { source.frontMatter.title }
    public var outputPath: String { url + "index.html" }
    /// Folder under `Content/<lang>/` that the page lists when it is a home or section (`""`, `guide/`).
    var contentFolder: String { URLPath.folder(of: source.relativePath) }
}

/// What a link of the Markdown becomes in the HTML.
public enum ResolvedLink: Sendable, Hashable {
    /// A target inside the site, relative to the page that links to it.
    case local(String)
    /// A target on another site: written as is, with `rel="noopener noreferrer"`.
    case external(String)
    /// A target that must never reach a reader (`javascript:`): the link text stays, the link goes.
    case removed
}
