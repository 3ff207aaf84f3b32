import HashiContent
import HashiSupport

/// Each page's key: a hash of everything its HTML is made from, worked out from its inputs rather
/// than from its context, so a build that renders one page does not make every other page's
/// context to find out that it has not changed. The same key, the same bytes; a key may change
/// when the page does not (a field of a listed page that no list shows), which only renders it again.
///
/// What `PageRenderer.context(for:)` reads is here: the site as `SiteFields` show it to the
/// language's home (with the base URL, which only links show), the page's own inputs (front
/// matter, body by its document key, URL, kind, languages), what its lists and the notice of a stale
/// translation show of other pages, where its translations are, and its resolved links. A new field of
/// a page's context that comes from elsewhere must be added to `key(for:)` too (`PageKeyTests`).
package struct PageKeys: Sendable {
    static let version = "page key 3"
    let renderer: PageRenderer
    /// By language code: what every page of the language sees of the site.
    private let siteKeys: [String: UInt64]
    /// By language code: the cards of the reporting-channels layout.
    private let channelKeys: [String: UInt64]

    package init(renderer: PageRenderer) {
        self.renderer = renderer
        let site = renderer.site
        var siteKeys: [String: UInt64] = [:]
        var channelKeys: [String: UInt64] = [:]
        for language in site.languages {
            let base = PageContext.Base(site: site, language: language, uiStrings: renderer.templates.strings,
                                        outputPath: language.code + "/index.html")
            var hasher = StableHasher()
            hasher.combine(Self.version)
            hasher.combine(renderer.templates.key)
            hasher.combine(site.config.baseURL ?? "\u{0}")
            base.fields().templateValue.combine(into: &hasher, skipping: PageContext.uiStringsKey)
            siteKeys[language.code] = hasher.finalize()
            if let channels = site.channels {
                var hasher = StableHasher()
                PageContext.channels(channels, language: language, strings: base.strings, site: site).templateValue
                    .combine(into: &hasher, skipping: PageContext.uiStringsKey)
                channelKeys[language.code] = hasher.finalize()
            }
        }
        self.siteKeys = siteKeys
        self.channelKeys = channelKeys
    }

    package func key(for page: Page) -> UInt64 {
        let site = renderer.site
        var hasher = StableHasher()
        hasher.combine(siteKeys[page.language.code] ?? 0)
        let layout = renderer.layout(for: page)
        hasher.combine(layout)
        if layout == "channels" { hasher.combine(channelKeys[page.language.code] ?? 0) }
        Self.combineInputs(of: page, into: &hasher)
        hasher.combine(page.resolvedLinks.count)
        for link in page.resolvedLinks {
            switch link {
            case .local(let href):
                hasher.combine(1)
                hasher.combine(href)
            case .external(let href):
                hasher.combine(2)
                hasher.combine(href)
            case .removed:
                hasher.combine(3)
            }
        }
        // The notice of a stale translation: its source's date, URL and language.
        if let source = site.translationStatus.staleSources[page.url] {
            hasher.combine(source.url)
            hasher.combine(source.language.code)
            hasher.combine(source.source.frontMatter.date?.description ?? "undated")
        } else {
            hasher.combine("not stale")
        }
        // A list shows each page's title, URL and description, in the order of their weights.
        if page.kind != .page {
            let children = site.children(of: page)
            hasher.combine(children.count)
            for child in children {
                hasher.combine(child.url)
                hasher.combine(child.title)
                hasher.combine(PageRenderer.listedDescription(of: child))
                hasher.combine(child.source.frontMatter.weight)
            }
        }
        // The language switcher and the alternates (read in place: a page is a large value to copy).
        for language in site.languages {
            if let index = site.translationIndex(of: page, in: language) {
                hasher.combine(site.pages[index].url)
                hasher.combine(site.pages[index].isFallback)
            } else {
                hasher.combine("\u{0}")
            }
        }
        return hasher.finalize()
    }

    /// The key of a page hashi makes itself: its layout, title and place, the site, and what the
    /// search, channels and translation-status pages show besides.
    package func key(generated page: GeneratedOutputs.GeneratedPage) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(siteKeys[page.language.code] ?? 0)
        hasher.combine(page.layout)
        hasher.combine(page.title)
        hasher.combine(page.outputPath)
        switch page.layout {
        case GeneratedOutputs.searchLayout: hasher.combine(renderer.searchIndexAttribute())
        case GeneratedOutputs.channelsEmbedLayout: hasher.combine(channelKeys[page.language.code] ?? 0)
        case GeneratedOutputs.translationStatusLayout: renderer.site.translationStatus.combine(into: &hasher)
        default: break
        }
        return hasher.finalize()
    }

    /// The key of `data/translation-status.json`.
    package static func translationStatusData(_ site: Site) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(version)
        hasher.combine(site.languages.map(\.code).joined(separator: " "))
        site.translationStatus.combine(into: &hasher)
        return hasher.finalize()
    }

    /// What a page is made from on its own.
    static func combineInputs(of page: Page, into hasher: inout StableHasher) {
        hasher.combine(page.url)
        hasher.combine(page.kind.rawValue)
        hasher.combine(page.language.code)
        hasher.combine(page.source.language.code)
        hasher.combine(page.source.relativePath)
        hasher.combine(page.translationKey)
        hasher.combine(page.fallbackOf ?? "\u{0}")
        page.source.frontMatter.combine(into: &hasher)
        hasher.combine(page.document.key)
    }
}
