import HashiSupport

/// The one table of what hashi writes itself, beside the pages of the content: the root language
/// chooser, each language's search, 404 and channels-embed pages, the search index, the theme's
/// assets, the data files, the sitemap, robots.txt, the host's headers file and hashi's own state. The Model stage reads it
/// to refuse an author page that would land on one of them; links may point to them; the Render
/// stage makes the generated pages from it.
public struct GeneratedOutputs: Sendable {
    /// One path, or a whole folder, that the generator owns.
    public struct Entry: Sendable, Hashable {
        /// Under the output root: a file (`sitemap.xml`) or a folder ending in `/` (`en/search/`).
        public var path: String
        /// What it is, as an author reads it in a diagnostic.
        public var role: String
        /// The page hashi renders there, if it is a page.
        public var page: GeneratedPage?

        public var isFolder: Bool { path.hasSuffix("/") }

        /// Whether a file written at `outputPath` would land on this entry.
        func owns(_ outputPath: String) -> Bool {
            isFolder ? outputPath.hasPrefix(path) : outputPath == path
        }
    }

    /// A page hashi makes without Markdown, in one language.
    public struct GeneratedPage: Sendable, Hashable {
        public var layout: String
        public var title: String
        public var outputPath: String
        public var language: Language
    }

    /// Layouts a theme may leave out; the pages that need them are then not made.
    public static let optionalLayouts: Set<String> = ["404", channelsEmbedLayout, translationStatusLayout]
    /// Every page in every language for translators (up to date, stale, missing), linked from nowhere.
    public static let translationStatusLayout = "translation-status"
    public static let translationStatusPath = "translation-status/"
    /// The same, as JSON.
    public static let translationStatusDataPath = dataFolder + "translation-status.json"
    /// The reporting channels on a page of their own, CSS inside and no script, to copy into other sites.
    public static let channelsEmbedLayout = "channels-embed"
    /// Each language's search page (`<lang>/search/`).
    public static let searchLayout = "search"
    /// Where the theme's files and the brand's stylesheet go.
    public static let assetsFolder = "assets/"
    /// Where data written for others to reuse goes (the reporting channels as JSON).
    public static let dataFolder = "data/"
    public static let sitemapPath = "sitemap.xml"
    public static let robotsPath = "robots.txt"
    /// The host's headers file (`--headers netlify`): the CSP with `frame-ancestors`, and the rest.
    public static let headersPath = "_headers"
    /// The reporting channels as JSON, for other sites to reuse.
    public static let channelsDataPath = dataFolder + "reporting-channels.json"
    /// hashi's own state for the next build, inside every output it makes.
    public static let stateFolder = ".hashi/"

    public let entries: [Entry]
    /// Whether every entry's path is ASCII without `\r`, which `quickOwner` needs.
    private let asciiEntries: Bool

    /// The table for a site in these languages, in the order of `site.yaml` (the first is the default).
    public init(languages: [Language], defaultLanguage: Language, hasChannels: Bool) {
        let chooserTitle = languages.map(\.title).joined(separator: " / ")
        var entries = [
            Entry(path: "index.html", role: "the language chooser",
                  page: GeneratedPage(layout: "root", title: chooserTitle, outputPath: "index.html", language: defaultLanguage)),
            Entry(path: "404.html", role: "the site's \"page not found\" page",
                  page: GeneratedPage(layout: "404", title: defaultLanguage.title, outputPath: "404.html", language: defaultLanguage)),
            Entry(path: Self.sitemapPath, role: "the sitemap"),
            Entry(path: Self.robotsPath, role: "robots.txt"),
            Entry(path: Self.headersPath, role: "the host's headers file (--headers netlify)"),
            Entry(path: Self.assetsFolder, role: "the theme's assets"),
            Entry(path: Self.dataFolder, role: "the data files"),
            Entry(path: Self.stateFolder, role: "hashi's build state"),
            Entry(path: Self.translationStatusPath, role: "the translation status page for translators",
                  page: GeneratedPage(layout: Self.translationStatusLayout, title: defaultLanguage.title,
                                      outputPath: Self.translationStatusPath + "index.html", language: defaultLanguage)),
        ]
        for language in languages {
            let code = language.code
            entries.append(Entry(path: code + "/search/", role: "the search page and index of \"\(code)\"",
                                 page: GeneratedPage(layout: Self.searchLayout, title: language.title,
                                                     outputPath: code + "/search/index.html", language: language)))
            entries.append(Entry(path: code + "/404.html", role: "the \"page not found\" page of \"\(code)\"",
                                 page: GeneratedPage(layout: "404", title: language.title, outputPath: code + "/404.html",
                                                     language: language)))
            if hasChannels {
                entries.append(Entry(path: code + "/channels-embed/", role: "the embeddable reporting channels of \"\(code)\"",
                                     page: GeneratedPage(layout: Self.channelsEmbedLayout, title: language.title,
                                                         outputPath: code + "/channels-embed/index.html", language: language)))
            }
        }
        self.entries = entries
        asciiEntries = entries.allSatisfy { $0.path.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
    }

    /// The entry a file written at `outputPath` would land on, if any.
    public func owner(of outputPath: String) -> Entry? {
        quickOwner(of: outputPath) ?? plainOwner(of: outputPath)
    }

    /// The rule, as characters compare.
    func plainOwner(of outputPath: String) -> Entry? {
        entries.first { $0.owns(outputPath) }
    }

    /// `plainOwner` by bytes, when the path and every entry's are ASCII without `\r` (each byte a
    /// character of its own, so characters and bytes compare alike): every page asks. `.some(nil)`
    /// is "no owner"; nil, that it cannot tell.
    func quickOwner(of outputPath: String) -> Entry?? {
        guard asciiEntries, outputPath.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        let path = outputPath.utf8
        return .some(entries.first { entry in
            let own = entry.path.utf8
            return own.last == UInt8(ascii: "/") ? path.starts(with: own) : path.elementsEqual(own)
        })
    }

    /// Whether a link to `path` (a page folder like `en/search/`, or a file) reaches something hashi writes.
    func isLinkTarget(_ path: String) -> Bool {
        entries.contains { $0.page != nil && ($0.path == path || $0.page?.outputPath == path) }
            || path == Self.sitemapPath || path == Self.robotsPath || path == Self.channelsDataPath
            || path == Self.translationStatusDataPath
    }

    /// The pages to make with the layouts a theme has.
    package func pages(hasLayout: (String) -> Bool) -> [GeneratedPage] {
        allPages.filter { !Self.optionalLayouts.contains($0.layout) || hasLayout($0.layout) }
    }

    /// Every page of the table, whatever the theme has.
    package var allPages: [GeneratedPage] { entries.compactMap(\.page) }
}
