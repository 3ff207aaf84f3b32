/// Stage 4: fills the templates for each page, and for the pages hashi makes itself (search, root chooser).
public struct PageRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet

    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
    }

    /// The layout a page uses: its `layout`, else one for its kind, else `page`.
    public func layout(for page: Page) -> String {
        if let layout = page.source.frontMatter.layout { return layout }
        return templates.hasLayout(page.kind.rawValue) ? page.kind.rawValue : "page"
    }

    /// Layouts the site needs but the templates lack: those front matter names, reported at the page,
    /// and those of the pages hashi makes itself.
    public func missingLayouts() -> [Diagnostic] {
        let required = Set(GeneratedPages(site: site).all.map(\.layout)).subtracting(GeneratedPages.optionalLayouts)
        let generated = required.sorted().compactMap { name -> Diagnostic? in
            guard !templates.hasLayout(name) else { return nil }
            return .error("layout \"\(name)\" not found: add layouts/\(name).mustache to the templates",
                          at: SourceLocation(file: templates.displayFolder))
        }
        return generated + site.pages.compactMap { page in
            let name = layout(for: page)
            guard !templates.hasLayout(name) else { return nil }
            return .error("layout \"\(name)\" not found: add layouts/\(name).mustache to the templates",
                          at: SourceLocation(file: page.source.displayPath, line: 2))
        }
    }

    public func render(_ page: Page) -> String {
        String(decoding: render(page, context: context(for: page), document: page.document), as: UTF8.self)
    }

    /// The page's HTML, its body filled in to `context` (from `context(for:)`); `document` is the
    /// page's document parsed whole, where the page holds only the cache's summary.
    func render(_ page: Page, context: TemplateSet.Context, document: ParsedDocument) -> [UInt8] {
        var context = context
        context.set("content", html: LinkSubstitution.apply(page.resolvedLinks, to: document.htmlBytes))
        return templates.render(context, template: layout(for: page)) ?? []
    }

    /// A hash of everything the page is made from: templates, layout, its context and its body
    /// (by the document's key) with the links resolved. Two builds with the same key write the same bytes.
    func key(for page: Page, context: TemplateSet.Context) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(templates.key)
        hasher.combine(layout(for: page))
        // The UI strings come from the i18n files, which `templates.key` covers, for the language the
        // context names; hashing them for every page was a third of the key's cost.
        context.value.combine(into: &hasher, skipping: PageContext.uiStringsKey)
        hasher.combine(page.document.key)
        for link in page.resolvedLinks {
            switch link {
            case .local(let href): hasher.combine("local " + href)
            case .external(let href): hasher.combine("external " + href)
            case .removed: hasher.combine("removed")
            }
        }
        return hasher.finalize()
    }

    /// What the templates see for a page, except its body (`content`), which is the costly part.
    func context(for page: Page) -> TemplateSet.Context {
        TemplateSet.Context(contextDictionary(for: page))
    }

    func contextDictionary(for page: Page) -> [String: Any] {
        let base = PageContext.Base(site: site, language: page.language, uiStrings: templates.strings, outputPath: page.outputPath)
        var context = base.dictionary()
        let front = page.source.frontMatter
        context["title"] = page.title
        context["description"] = front.description ?? String(page.document.summary.prefix(160))
        let toc = page.document.headings.filter { $0.level == 2 || $0.level == 3 }
        context["toc"] = toc.map { ["id": $0.id, "text": $0.text, "level": $0.level] as [String: Any] }
        context["hasToc"] = toc.count >= 2
        context["url"] = page.url
        if site.config.baseURL != nil || page.isFallback {
            context["canonical"] = base.link(to: page.canonicalURL)
        }
        context["isFallback"] = page.isFallback
        context["contentLang"] = page.source.language.code
        if let date = front.date {
            context["date"] = LocalizedDate.format(date, language: page.language)
            context["dateISO"] = date.description
        }
        context["tags"] = front.tags
        context["isHome"] = page.kind == .home
        context["isSection"] = page.kind == .section
        let children = site.children(of: page)
        context["children"] = children.map { child -> [String: Any] in
            ["title": child.title, "href": base.href(to: child.url),
             "description": child.source.frontMatter.description ?? String(child.document.summary.prefix(160))]
        }
        context["hasChildren"] = !children.isEmpty
        context["translations"] = site.languages.map { language -> [String: Any] in
            let translation = site.translation(of: page, in: language)
            let target = translation?.url ?? language.code + "/"
            return ["code": language.code, "name": language.name, "href": base.href(to: target),
                    "current": language == page.language, "isTranslated": translation != nil]
        }
        var alternates = site.languages.compactMap { language -> [String: Any]? in
            guard let translation = site.translation(of: page, in: language), !translation.isFallback else { return nil }
            return ["hreflang": language.code, "href": base.link(to: translation.url)]
        }
        // x-default: the language chooser for a home page, else the default language's page.
        if alternates.count > 1, !page.isFallback, let fallback = site.translation(of: page, in: site.config.defaultLanguage) {
            alternates.append(["hreflang": "x-default", "href": base.link(to: page.kind == .home ? "" : fallback.url)])
        }
        context["alternates"] = page.isFallback ? [] : alternates
        if let channels = site.channels, layout(for: page) == "channels" {
            context.merge(PageContext.channels(channels, language: page.language, strings: base.strings)) { _, new in new }
        }
        return context
    }

    /// A page hashi makes without Markdown (the search page), in one language.
    public func renderGenerated(layout: String, title: String, outputPath: String, language: Language) -> String {
        var base = PageContext.Base(site: site, language: language, uiStrings: templates.strings, outputPath: outputPath)
        base.absoluteLinks = layout == "404" && site.config.baseURL != nil
        var context = base.dictionary()
        context["title"] = title
        context["translations"] = site.languages.map { other -> [String: Any] in
            ["code": other.code, "name": other.name, "href": base.href(to: outputPath.replacingFirstComponent(with: other.code)),
             "current": other == language, "isTranslated": true]
        }
        if let channels = site.channels, layout == GeneratedPages.channelsEmbedLayout {
            context.merge(PageContext.channels(channels, language: language, strings: base.strings)) { _, new in new }
        }
        return templates.render(context, template: layout).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

extension String {
    /// `en/search/index.html` → `ja/search/index.html`
    func replacingFirstComponent(with component: String) -> String {
        guard let slash = firstIndex(of: "/") else { return component }
        return component + self[slash...]
    }
}
