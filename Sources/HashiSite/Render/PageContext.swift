import HashiContent
import HashiSupport

/// The values a template sees, built fresh for each page inside its rendering task: typed parts
/// (`SiteFields`, `PageFields`, `GeneratedFields`, `ChannelFields`) written into one value (`TemplateMembers`).
/// The names a template can use are read off these types, for the template check.
enum PageContext {
    /// The UI strings of the theme's `i18n/` file for a language, in the context and in each of `languages`.
    static let uiStringsKey = "t"

    /// Every name of a page's context and of the items of its lists.
    static let knownKeys: Set<String> = SiteFields.names.union(PageFields.names).union(GeneratedFields.names).union(StatusFields.names)
    /// The names the reporting-channels layouts have besides.
    static let channelKeys: Set<String> = ChannelFields.names

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

        func fields() -> SiteFields {
            let root = root
            var fields = SiteFields()
            fields.lang = language.code
            fields.dir = language.direction == .rightToLeft ? "rtl" : nil
            fields.langName = language.name
            fields.siteTitle = language.title
            fields.root = root
            fields.assets = root + "assets/"
            fields.home = href(to: language.code + "/")
            fields.searchHref = href(to: language.code + "/search/")
            fields.t = uiStrings.table(for: language)
            fields.menu = site.menu(for: language).map { page in
                MenuItem(title: page.title, href: href(to: page.url), current: page.outputPath == outputPath)
            }
            fields.hasMenu = !fields.menu.isEmpty
            fields.languages = site.languages.map { other in
                var item = LanguageItem(code: other.code, otherDir: other.otherDirection(than: language), name: other.name, title: other.title, href: href(to: other.code + "/"),
                                        current: other == language, t: uiStrings.table(for: other), helpHref: helpHref(in: other))
                item.footer = other.footer
                item.brandContact = site.config.brand?.contact?.text(for: other)
                item.brandLicense = site.config.brand?.license?.text(for: other)
                return item
            }
            fields.footer = language.footer
            if let brand = site.config.brand {
                fields.brandName = brand.name?.text(for: language)
                fields.brandLogo = brand.logoOutputPath.map { root + URLPath.encode($0) }
                fields.brandContact = brand.contact?.text(for: language)
                fields.brandLicense = brand.license?.text(for: language)
                fields.brandColor = brand.primaryColor
                fields.brandStylesheet = brand.primaryColor.map { _ in root + Brand.stylesheetPath }
                fields.brandShowName = brand.showsName && brand.name != nil
            }
            fields.helpHref = helpHref(in: language)
            return fields
        }

        private func helpHref(in language: Language) -> String? {
            guard let help = site.config.helpPage, let page = site.page(source: help, in: language) else { return nil }
            return href(to: page.url)
        }
    }
}
