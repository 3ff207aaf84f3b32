import HashiSupport

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
    /// What the page needs of its parsed Markdown; the HTML and text are in the build's `DocumentStore`.
    public internal(set) var document: DocumentSummary
    /// The index of `source` in the content, which is its document's in the `DocumentStore`.
    public let sourceIndex: Int
    public let kind: Kind
    /// Folder URL under the output root, ending in `/` (`en/`, `en/labor-trafficking/`).
    public let url: String
    /// Pairs the page with its translations: `translationKey`, else the path without `.md`.
    public let translationKey: String
    /// Where each link of `document.links` leads, by index; filled by the Model stage.
    public internal(set) var resolvedLinks: [ResolvedLink] = []
    /// The language whose part of the site the page is in; the source's, except for a fallback.
    public let language: Language
    /// The URL of the page this one copies, when it stands in for a missing translation.
    public let fallbackOf: String?

    init(source: SourceFile, sourceIndex: Int, document: DocumentSummary, kind: Kind, url: String, translationKey: String,
         language: Language? = nil, fallbackOf: String? = nil) {
        self.source = source
        self.sourceIndex = sourceIndex
        self.document = document
        self.kind = kind
        self.url = url
        self.translationKey = translationKey
        self.language = language ?? source.language
        self.fallbackOf = fallbackOf
    }

    public var isFallback: Bool { fallbackOf != nil }
    /// The URL search engines should index for this content.
    public var canonicalURL: String { fallbackOf ?? url }
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
