import HashiSupport

/// What the Model stage made, kept in memory by a long-lived session (`hashi serve`, through its
/// `BuildCache`) for the next build. When that build's `ModelShape` is the same (the same settings,
/// sources with the same front matter, the same copied files), its pages are the same but for the
/// documents of the files whose body changed: `updated` puts those in, resolves again the links of
/// those pages and of the pages whose anchors name a heading that changed, and makes the
/// translation status again only if some translation records its source's hash.
package struct SiteModel: Sendable {
    let shape: ModelShape
    let site: Site
    /// The key of each page's document, by source index.
    let documentKeys: [UInt64]
    /// Each page's links, and the key they are kept under in the build cache, by page index.
    let links: [PageLinks]
    let linkKeys: [UInt64]
    /// `LinkResolver.structureKey` of the site.
    let structure: UInt64
    /// What the pages, menus, copied files and translation keys gave (not links, not the translation report).
    let shapeDiagnostics: [Diagnostic]
    let translationDiagnostics: [Diagnostic]

    var diagnostics: [Diagnostic] { shapeDiagnostics + translationDiagnostics + links.flatMap(\.diagnostics) }

    /// True when some translation records its source's hash (`translatedFrom`): a body edit can then make it stale.
    let hasStamps: Bool

    /// The model of `content`, whose shape is this one's, with `documents` (this build's).
    func updated(content: LoadedContent, documents: DocumentStore, cache: BuildCache?) -> SiteModel {
        var site = self.site
        site.config = content.config
        site.channels = content.channels
        site.staticFiles = content.staticFiles
        let changed = Set(documents.summaries.indices.filter { documents.summaries[$0].key != documentKeys[$0] })
        var headingsChanged: Set<String> = []
        for index in site.pages.indices where changed.contains(site.pages[index].sourceIndex) {
            let summary = documents.summaries[site.pages[index].sourceIndex]
            if LinkResolver.headingsKey(of: summary) != LinkResolver.headingsKey(of: site.pages[index].document) {
                headingsChanged.insert(site.pages[index].url)
            }
            site.pages[index].document = summary
        }
        var translationDiagnostics = self.translationDiagnostics
        if !changed.isEmpty && hasStamps {
            site.translationStatus = TranslationStatus(pages: site.pages, languages: site.languages, documents: documents)
            translationDiagnostics = TranslationReport(pages: site.pages.filter { !$0.isFallback }, languages: site.languages,
                                                       policy: site.config.missingTranslation, documents: documents).diagnostics()
        }
        var links = self.links
        var linkKeys = self.linkKeys
        let again = site.pages.indices.filter { index in
            changed.contains(site.pages[index].sourceIndex) || links[index].anchorPages.contains { headingsChanged.contains($0.url) }
        }
        if !again.isEmpty {
            let resolver = LinkResolver(site: site, generated: site.generatedOutputs, documents: documents)
            let pages = site.pages
            for (index, pageLinks) in zip(again, again.concurrentMap { resolver.resolve(pages[$0]) }) {
                links[index] = pageLinks
                linkKeys[index] = LinkResolver.key(for: site.pages[index], structure: structure)
                site.pages[index].resolvedLinks = pageLinks.links
            }
        }
        cache?.keep(links, keys: linkKeys, pages: site.pages)
        return SiteModel(shape: shape, site: site, documentKeys: documents.summaries.map(\.key), links: links, linkKeys: linkKeys,
                         structure: structure, shapeDiagnostics: shapeDiagnostics, translationDiagnostics: translationDiagnostics,
                         hasStamps: hasStamps)
    }
}

/// Everything a site's pages, their URLs and order, its menus and translations are made from but
/// the documents' bodies: the settings that shape them, each source with its front matter, and the
/// copied files. Two builds with the same shape have the same pages.
struct ModelShape: Equatable {
    /// Every field of each language, in order (a language's `==` compares its code only).
    let languages: [[String]]
    let missingTranslation: SiteConfig.MissingTranslation
    let menus: [String: [MenuEntry]]
    let helpPage: String?
    let file: String
    let sources: [Source]
    let staticFiles: [StaticFile]
    let hasChannels: Bool

    struct Source: Equatable {
        let language: String
        let relativePath: String
        let displayPath: String
        let frontMatter: FrontMatter
        let bodyStartLine: Int
    }

    init(_ content: LoadedContent) {
        let config = content.config
        languages = config.languages.map { language in Mirror(reflecting: language).children.map { String(describing: $0.value) } }
        missingTranslation = config.missingTranslation
        menus = config.menus
        helpPage = config.helpPage
        file = config.file
        sources = content.sources.map {
            Source(language: $0.language.code, relativePath: $0.relativePath, displayPath: $0.displayPath, frontMatter: $0.frontMatter,
                   bodyStartLine: $0.bodyStartLine)
        }
        staticFiles = content.staticFiles
        hasChannels = content.channels != nil
    }
}
