/// The values a template sees, built fresh for each page inside its rendering task.
///
/// Keys are listed in `knownKeys` so the template check can report a name that would render as nothing.
enum PageContext {
    static let knownKeys: Set<String> = [
        // the site and the language
        "lang", "langName", "siteTitle", "footer", "helpHref", "root", "assets", "home", "searchHref", "languages", "t", "generator",
        // the page
        "title", "description", "content", "toc", "hasToc", "url", "canonical", "date", "dateISO", "tags",
        "isHome", "isSection", "children", "hasChildren", "menu", "hasMenu", "translations", "alternates",
        // items of lists
        "href", "code", "name", "current", "level", "id", "text", "hreflang", "isTranslated",
    ]

    struct Base {
        let site: Site
        let language: Language
        let strings: [String: String]
        /// Output path of the file being written (`en/labor/index.html`).
        let outputPath: String

        var root: String { URLPath.rootPrefix(from: outputPath) }

        func href(to path: String) -> String {
            URLPath.encode(URLPath.relative(from: outputPath, to: path))
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
                "t": strings,
                "generator": "hashi",
            ]
            let menu = site.menu(for: language)
            context["menu"] = menu.map { page -> [String: Any] in
                ["title": page.title, "href": href(to: page.url), "current": page.outputPath == outputPath]
            }
            context["hasMenu"] = !menu.isEmpty
            context["languages"] = site.languages.map { other -> [String: Any] in
                ["code": other.code, "name": other.name, "href": href(to: other.code + "/"), "current": other == language]
            }
            context["footer"] = language.footer
            if let help = site.config.helpPage, let page = site.page(source: help, in: language) {
                context["helpHref"] = href(to: page.url)
            }
            if let baseURL = site.config.baseURL {
                context["canonical"] = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            }
            return context
        }
    }
}
