/// A page as search sees it: where it is and the text a reader sees.
public struct SearchDocument: Sendable {
    /// Output folder of the page (`en/labor-trafficking/`).
    public var url: String
    public var title: String
    public var headings: [String]
    public var body: String
    public var language: Language

    public init(url: String, title: String, headings: [String], body: String, language: Language) {
        self.url = url
        self.title = title
        self.headings = headings
        self.body = body
        self.language = language
    }

    init(page: Page) {
        self.init(url: page.url, title: page.title, headings: page.document.headings.map(\.text),
                  body: page.document.plainText, language: page.language)
    }
}

/// A file the Index stage makes, by its path under the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Stage 5: the search index of each language, as script files the search page loads (also from `file://`).
public struct SearchIndexBuilder: Sendable {
    public init() {}

    public func build(documents: [SearchDocument], language: Language) -> [OutputFile] {
        []
    }
}
