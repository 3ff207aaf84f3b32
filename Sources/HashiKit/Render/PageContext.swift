/// The values a template sees, built fresh for each page inside its rendering task.
///
/// Keys are listed in `knownKeys` so the template check can report a name that would render as nothing.
enum PageContext {
    /// The UI strings of the theme's `i18n/` file for a language, in the context and in each of `languages`.
    static let uiStringsKey = "t"

    static let knownKeys: Set<String> = [
        // the site and the language
        "lang", "langName", "siteTitle", "footer", "helpHref", "root", "assets", "home", "searchHref", "languages", uiStringsKey, "generator",
        // the page
        "title", "description", "content", "toc", "hasToc", "url", "canonical", "date", "dateISO", "tags",
        "isHome", "isSection", "children", "hasChildren", "menu", "hasMenu", "translations", "alternates",
        // items of lists
        "href", "code", "name", "current", "level", "id", "text", "hreflang", "isTranslated",
        // a page shown in another language's place, when a translation is missing
        "isFallback", "contentLang",
        // the organisation that publishes the site (site.yaml's brand:)
        "brandName", "brandLogo", "brandContact", "brandLicense", "brandColor", "brandStylesheet",
    ]

    struct Base {
        let site: Site
        let language: Language
        let uiStrings: UIStrings
        /// Output path of the file being written (`en/labor/index.html`).
        let outputPath: String
        /// Write every link absolute, for a page served at addresses other than its own (a 404 page);
        /// only possible when the site's base URL is known.
        var absoluteLinks = false

        var strings: [String: String] { uiStrings.strings(for: language) }
        var root: String { absoluteLinks ? link(to: "") : URLPath.rootPrefix(from: outputPath) }

        func href(to path: String) -> String {
            absoluteLinks ? link(to: path) : URLPath.encode(URLPath.relative(from: outputPath, to: path))
        }

        /// An absolute URL when the site's base URL is known (canonical links, alternates), else relative.
        func link(to path: String) -> String {
            guard let base = site.config.baseURL else { return URLPath.encode(URLPath.relative(from: outputPath, to: path)) }
            return (base.hasSuffix("/") ? base : base + "/") + URLPath.encode(path)
        }

        func dictionary() -> [String: Any] {
            var context: [String: Any] = [
                "lang": language.code,
                "langName": language.name,
                "siteTitle": language.title,
                "root": root,
                "assets": root + "assets/",
                "home": href(to: language.code + "/"),
                "searchHref": href(to: language.code + "/search/"),
                uiStringsKey: uiStrings.table(for: language),
                "generator": "hashi",
            ]
            let menu = site.menu(for: language)
            context["menu"] = menu.map { page -> [String: Any] in
                ["title": page.title, "href": href(to: page.url), "current": page.outputPath == outputPath]
            }
            context["hasMenu"] = !menu.isEmpty
            context["languages"] = site.languages.map { other -> [String: Any] in
                var entry: [String: Any] = ["code": other.code, "name": other.name, "title": other.title,
                                            "href": href(to: other.code + "/"), "current": other == language,
                                            uiStringsKey: uiStrings.table(for: other)]
                entry["helpHref"] = helpHref(in: other)
                return entry
            }
            context["footer"] = language.footer
            if let brand = site.config.brand {
                context["brandName"] = brand.name?.text(for: language)
                context["brandLogo"] = brand.logoOutputPath.map { root + URLPath.encode($0) }
                context["brandContact"] = brand.contact?.text(for: language)
                context["brandLicense"] = brand.license?.text(for: language)
                context["brandColor"] = brand.primaryColor
                context["brandStylesheet"] = brand.primaryColor.map { _ in root + Brand.stylesheetPath }
            }
            context["helpHref"] = helpHref(in: language)
            return context
        }

        private func helpHref(in language: Language) -> String? {
            guard let help = site.config.helpPage, let page = site.page(source: help, in: language) else { return nil }
            return href(to: page.url)
        }
    }
}
