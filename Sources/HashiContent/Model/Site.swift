import Foundation
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
        // By index, not by page: a page is a large value to copy.
        var translations: [String: [String: Int]] = [:]
        var byURL: [String: Int] = [:]
        var bySource: [String: Int] = [:]
        translations.reserveCapacity(pages.count)
        byURL.reserveCapacity(pages.count)
        bySource.reserveCapacity(pages.count)
        for index in pages.indices {
            translations[pages[index].translationKey, default: [:]][pages[index].language.code] = index
            byURL[pages[index].url] = index
            bySource[pages[index].language.code + "/" + pages[index].source.relativePath] = index
        }
        self.pageIndexBySource = bySource
        self.translations = translations
        self.pageIndexByURL = byURL
        // A page is listed by its folder's page; a section's own page by the folder above.
        var children: [String: [Int]] = [:]
        for index in pages.indices {
            let path = pages[index].source.relativePath
            let parent: String
            if path == "_index.md" {
                continue
            } else if pages[index].source.isSectionIndex {
                parent = URLPath.folder(of: String(path.dropLast("/_index.md".count)))
            } else {
                parent = URLPath.folder(of: path)
            }
            children[pages[index].language.code + "|" + parent, default: []].append(index)
        }
        self.childIndices = children.mapValues { indices in
            let keys = indices.map { (weight: pages[$0].source.frontMatter.weight, title: pages[$0].title, url: pages[$0].url) }
            return Site.quickListOrder(keys).map { indices[$0] }
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

    typealias ListKey = (weight: Int, title: String, url: String)

    /// The positions of `keys` in list order (`listOrder`), the plain way: strings compared as Swift
    /// compares them, which for text outside ASCII goes character by character.
    static func plainListOrder(_ keys: [ListKey]) -> [Int] {
        keys.indices.sorted { (keys[$0].weight, keys[$0].title, keys[$0].url) < (keys[$1].weight, keys[$1].title, keys[$1].url) }
    }

    /// `plainListOrder` with the titles and URLs that are NFC-stable text (`ordersByBytes`) compared
    /// by their bytes, which order them as Swift orders their normalized scalars, rather than
    /// character by character as a section of Japanese titles was. Each such key is one array, the
    /// title, a NUL (which such a title has not, and which precedes every byte) and the URL, so one
    /// `memcmp` orders by title, then URL.
    static func quickListOrder(_ keys: [ListKey]) -> [Int] {
        let bytes = keys.map { key -> [UInt8]? in
            guard ordersByBytes(key.title), ordersByBytes(key.url), !key.title.utf8.contains(0) else { return nil }
            return Array(key.title.utf8) + [0] + Array(key.url.utf8)
        }
        return keys.indices.sorted { a, b in
            guard let one = bytes[a], let other = bytes[b] else {
                return (keys[a].weight, keys[a].title, keys[a].url) < (keys[b].weight, keys[b].title, keys[b].url)
            }
            if keys[a].weight != keys[b].weight { return keys[a].weight < keys[b].weight }
            let order = one.withUnsafeBytes { one in
                other.withUnsafeBytes { other in memcmp(one.baseAddress!, other.baseAddress!, min(one.count, other.count)) }
            }
            return order != 0 ? order < 0 : one.count < other.count
        }
    }

    /// Whether every scalar of `text` is one NFC keeps as it is and never joins to a neighbour (no
    /// combining mark, no scalar with a canonical decomposition): Latin up to U+02FF, CJK punctuation,
    /// kana, CJK ideographs and the full-width ASCII forms. Such text is its own NFC form.
    static func ordersByBytes(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x3000...0x3029, 0x3030...0x3096, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
            default: false
            }
        }
    }
}
