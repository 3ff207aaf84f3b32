import HashiContent
import HashiSupport

/// Stage 4: fills the templates for each page, and for the pages hashi makes itself (search, root chooser).
public struct PageRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    /// The site's part of the pages' contexts, made once a folder.
    let siteMembers: SiteMembers

    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
        siteMembers = SiteMembers(site: site)
    }

    /// The layout a page uses: its `layout`, else one for its kind, else `page`.
    public func layout(for page: Page) -> String {
        if let layout = page.source.frontMatter.layout { return layout }
        return templates.hasLayout(page.kind.rawValue) ? page.kind.rawValue : "page"
    }

    /// Layouts the site needs but the templates lack: those front matter names, reported at the page,
    /// and those of the pages hashi makes itself.
    public func missingLayouts() -> [Diagnostic] {
        let required = Set(site.generatedOutputs.allPages.map(\.layout)).subtracting(GeneratedOutputs.optionalLayouts)
        let generated = required.sorted().compactMap { name -> Diagnostic? in
            guard !templates.hasLayout(name) else { return nil }
            return Diagnostic(RenderProblem.missingLayout(name: name), at: SourceLocation(file: templates.displayFolder))
        }
        return generated + site.pages.compactMap { page in
            let name = layout(for: page)
            guard !templates.hasLayout(name) else { return nil }
            return Diagnostic(RenderProblem.missingLayout(name: name), at: SourceLocation(file: page.source.displayPath, line: 2))
        }
    }

    /// The page's HTML, with its body's HTML from the build's `DocumentStore`.
    public func render(_ page: Page, documents: DocumentStore) -> String {
        String(decoding: render(page, context: context(for: page), html: documents.html(of: page.sourceIndex)), as: UTF8.self)
    }

    /// The page's HTML, its body (`html`, as the Parse stage made it) filled in to `context` (from `context(for:)`).
    package func render(_ page: Page, context: consuming RenderContext, html: [UInt8]) -> [UInt8] {
        context.setBody(LinkSubstitution.apply(page.resolvedLinks, to: html))
        return templates.render(context.value, template: layout(for: page)) ?? []
    }

    /// What the templates see for a page, except its body (`content`), which is the costly part:
    /// `contextParts(for:)` written into one object, the site's part as `SiteMembers` keeps it.
    package func context(for page: Page) -> RenderContext {
        let base = self.base(for: page)
        var members = TemplateMembers(capacity: 56)
        members.merge(siteMembers.members(for: base))
        for part in ownParts(for: page, base: base) { part.addMembers(to: &members) }
        return RenderContext(value: .object(members.values))
    }

    /// The typed parts of a page's context, in order (a later part's name wins): the plain form
    /// of `context(for:)`.
    func contextParts(for page: Page) -> [any TemplateFields] {
        let base = self.base(for: page)
        return [base.fields()] + ownParts(for: page, base: base)
    }

    private func base(for page: Page) -> PageContext.Base {
        PageContext.Base(site: site, language: page.language, uiStrings: templates.strings, outputPath: page.outputPath)
    }

    /// The parts of a page's context after the site's: the page's fields, and the channels for their page.
    private func ownParts(for page: Page, base: PageContext.Base) -> [any TemplateFields] {
        var parts: [any TemplateFields] = [fields(for: page, base: base)]
        if let channels = site.channels, layout(for: page) == "channels" {
            parts.append(PageContext.channels(channels, language: page.language, strings: base.strings, site: site))
        }
        return parts
    }

    private func fields(for page: Page, base: PageContext.Base) -> PageFields {
        var fields = PageFields()
        let front = page.source.frontMatter
        fields.title = page.title
        fields.description = Self.listedDescription(of: page)
        fields.toc = page.document.headings.filter { $0.level == 2 || $0.level == 3 }.map {
            TocItem(id: $0.id, text: $0.text, level: $0.level, nested: $0.level == 3 ? true : nil)
        }
        fields.hasToc = fields.toc.count >= 2
        fields.url = page.url
        if site.config.baseURL != nil || page.isFallback {
            fields.canonical = base.link(to: page.canonicalURL)
        }
        fields.isFallback = page.isFallback
        fields.contentLang = page.source.language.code
        if page.source.language.direction != page.language.direction {
            fields.contentDir = page.source.language.direction.rawValue
        }
        if let source = site.translationStatus.staleSources[page.url] {
            let strings = base.strings
            fields.staleNotice = source.source.frontMatter.date.flatMap { date in
                strings["staleNotice"]?.replacingOccurrences(of: "{date}", with: LocalizedDate.format(date, language: page.language))
            } ?? strings["staleNoticeUndated"]
            fields.staleHref = base.href(to: source.url)
            fields.staleLang = source.language.code
        }
        if let date = front.date {
            fields.date = LocalizedDate.format(date, language: page.language)
            fields.dateISO = date.description
        }
        fields.tags = front.tags
        fields.isHome = page.kind == .home
        fields.isSection = page.kind == .section
        fields.children = site.children(of: page).map { child in
            ChildItem(title: child.title, href: base.href(to: child.url), description: Self.listedDescription(of: child))
        }
        fields.hasChildren = !fields.children.isEmpty
        // Translations by their index in `site.pages`, read in place: a page is a large value to copy.
        fields.translations = site.languages.map { language in
            let translation = site.translationIndex(of: page, in: language)
            return TranslationItem(code: language.code, otherDir: language.otherDirection(than: page.language), name: language.name,
                                   href: base.href(to: translation.map { site.pages[$0].url } ?? language.code + "/"),
                                   current: language == page.language, isTranslated: translation != nil)
        }
        fields.alternates = page.isFallback ? [] : alternates(of: page, base: base)
        return fields
    }

    /// The page in each language it is written in, and x-default: the language chooser for a home
    /// page, else the default language's page.
    private func alternates(of page: Page, base: PageContext.Base) -> [AlternateItem] {
        var alternates = site.languages.compactMap { language -> AlternateItem? in
            guard let translation = site.translationIndex(of: page, in: language), !site.pages[translation].isFallback else { return nil }
            return AlternateItem(hreflang: language.code, href: base.link(to: site.pages[translation].url))
        }
        if alternates.count > 1, let fallback = site.translationIndex(of: page, in: site.config.defaultLanguage) {
            alternates.append(AlternateItem(hreflang: "x-default", href: base.link(to: page.kind == .home ? "" : site.pages[fallback].url)))
        }
        return alternates
    }

    /// A page's description, as its own page and a list that shows it give it: front matter's, or the start of its first paragraph.
    static func listedDescription(of page: Page) -> String {
        page.source.frontMatter.description ?? String(page.document.summary.prefix(DocumentSummary.descriptionLength))
    }

    /// A page hashi makes without Markdown (the search page), in one language.
    public func renderGenerated(layout: String, title: String, outputPath: String, language: Language) -> String {
        let context = context(generated: layout, title: title, outputPath: outputPath, language: language)
        return templates.render(context, template: layout).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The `SearchLayout` of every language, as the search page carries it (`data-index`).
    func searchIndexAttribute() -> String {
        site.languages.map { language in
            SearchLayout(documents: site.pages.count { $0.language == language && !$0.isFallback }).attribute(language: language)
        }.joined(separator: ",")
    }

    /// What the templates see for a page hashi makes itself.
    func context(generated layout: String, title: String, outputPath: String, language: Language) -> TemplateValue {
        TemplateMembers.object(contextParts(generated: layout, title: title, outputPath: outputPath, language: language))
    }

    /// The typed parts of a generated page's context, in order.
    func contextParts(generated layout: String, title: String, outputPath: String, language: Language) -> [any TemplateFields] {
        var base = PageContext.Base(site: site, language: language, uiStrings: templates.strings, outputPath: outputPath)
        base.absoluteLinks = layout == "404" && site.config.baseURL != nil
        var fields = GeneratedFields()
        fields.title = title
        fields.translations = site.languages.map { other in
            TranslationItem(code: other.code, otherDir: other.otherDirection(than: language), name: other.name, href: base.href(to: outputPath.replacingFirstComponent(with: other.code)),
                            current: other == language, isTranslated: true)
        }
        if layout == GeneratedOutputs.searchLayout {
            fields.searchIndex = searchIndexAttribute()
        }
        var parts: [any TemplateFields] = [base.fields(), fields]
        if let channels = site.channels, layout == GeneratedOutputs.channelsEmbedLayout {
            parts.append(PageContext.channels(channels, language: language, strings: base.strings, site: site))
        }
        if layout == GeneratedOutputs.translationStatusLayout {
            parts.append(PageContext.status(site.translationStatus, strings: base.strings, base: base))
        }
        return parts
    }
}

extension String {
    /// `en/search/index.html` → `ja/search/index.html`
    func replacingFirstComponent(with component: String) -> String {
        guard let slash = firstIndex(of: "/") else { return component }
        return component + self[slash...]
    }
}
