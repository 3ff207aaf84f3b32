import HashiSupport

/// The whole site as values: languages, pages in a stable order, and how they are connected.
public struct Site: Sendable {
    public internal(set) var config: SiteConfig
    /// Sorted by language order, then URL. Only the Model stage changes them, and never their URLs,
    /// so the indices below stay valid.
    public internal(set) var pages: [Page]
    public internal(set) var staticFiles: [StaticFile]
    public internal(set) var channels: ReportingChannels?
    /// Every page in every language: up to date, stale or missing (`data/translation-status.json`).
    public internal(set) var translationStatus = TranslationStatus()
    /// Page indices by translation key and language code.
    let translations: [String: [String: Int]]
    let pageIndexByURL: [String: Int]
    let pageIndexBySource: [String: Int]
    /// The pages each home or section lists, by language and content folder, in list order.
    private let childIndices: [String: [Int]]

    public var languages: [Language] { config.languages }
    /// What hashi writes itself for this site, beside the pages.
    public var generatedOutputs: GeneratedOutputs {
        GeneratedOutputs(languages: languages, defaultLanguage: config.defaultLanguage, hasChannels: channels != nil)
    }

    init(config: SiteConfig, pages: [Page], staticFiles: [StaticFile], channels: ReportingChannels? = nil) {
        self.config = config
        self.channels = channels
        self.pages = pages
        self.staticFiles = staticFiles
        var translations: [String: [String: Int]] = [:]
        var byURL: [String: Int] = [:]
        var bySource: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            translations[page.translationKey, default: [:]][page.language.code] = index
            byURL[page.url] = index
            bySource[page.language.code + "/" + page.source.relativePath] = index
        }
        self.pageIndexBySource = bySource
        self.translations = translations
        self.pageIndexByURL = byURL
        // A page is listed by its folder's page; a section's own page by the folder above.
        var children: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            let path = page.source.relativePath
            let parent: String
            if path == "_index.md" {
                continue
            } else if page.source.isSectionIndex {
                parent = URLPath.folder(of: String(path.dropLast("/_index.md".count)))
            } else {
                parent = URLPath.folder(of: path)
            }
            children[page.language.code + "|" + parent, default: []].append(index)
        }
        self.childIndices = children.mapValues { indices in
            indices.sorted { Self.listOrder(pages[$0], pages[$1]) }
        }
    }

    /// The same page in `language`, if it was translated.
    public func translation(of page: Page, in language: Language) -> Page? {
        translationIndex(of: page, in: language).map { pages[$0] }
    }

    /// The index in `pages` of the same page in `language`, if it was translated.
    package func translationIndex(of page: Page, in language: Language) -> Int? {
        translations[page.translationKey]?[language.code]
    }

    public func home(of language: Language) -> Page? {
        pageIndexByURL[language.code + "/"].map { pages[$0] }
    }

    public func page(atURL url: String) -> Page? {
        pageIndexByURL[url].map { pages[$0] }
    }

    /// The pages a home or section lists: its folder's pages and sub-sections, by weight then title.
    public func children(of page: Page) -> [Page] {
        guard page.kind != .page else { return [] }
        return (childIndices[page.language.code + "|" + page.contentFolder] ?? []).map { pages[$0] }.filter { $0.url != page.url }
    }

    /// The menu of `language`: the pages `site.yaml` names, in its order, where they exist.
    public func menu(for language: Language) -> [Page] {
        config.menu(for: language).compactMap { page(source: $0.path, in: language) }
    }

    /// The page of `language` at a path under `Content/<lang>/` (`report.md`).
    public func page(source path: String, in language: Language) -> Page? {
        page(contentPath: language.code + "/" + path)
    }

    /// The page of a path under `Content/` (`en/report.md`).
    func page(contentPath: String) -> Page? {
        pageIndexBySource[contentPath].map { pages[$0] }
    }

    static func listOrder(_ a: Page, _ b: Page) -> Bool {
        (a.source.frontMatter.weight, a.title, a.url) < (b.source.frontMatter.weight, b.title, b.url)
    }
}
