import HashiContent
import HashiSupport

/// What every template sees about the site and the page's language.
struct SiteFields: TemplateFields {
    var lang = ""
    /// "rtl" for a language written right to left; nil (no attribute) otherwise.
    var dir: String?
    var langName = ""
    var siteTitle = ""
    var root = ""
    var assets = ""
    var home = ""
    var searchHref = ""
    /// The language's UI strings (`PageContext.uiStringsKey`), one shared value for every page.
    var t = TemplateValue.null
    var generator = "hashi"
    var menu: [MenuItem] = []
    var hasMenu = false
    var languages: [LanguageItem] = []
    var footer: String?
    var helpHref: String?
    // The organisation that publishes the site (site.yaml's brand:).
    var brandName: String?
    var brandLogo: String?
    var brandContact: String?
    var brandLicense: String?
    var brandColor: String?
    var brandStylesheet: String?
    /// The brand's name is shown as text beside its logo (not only as the logo's alt text).
    var brandShowName = false
}

/// A page of the language's menu (`menu`).
struct MenuItem: TemplateFields {
    var title = ""
    var href = ""
    var current = false
}

/// A language of the site (`languages`), with its own UI strings for a language switcher.
struct LanguageItem: TemplateFields {
    var code = ""
    /// As `TranslationItem.otherDir`.
    var otherDir: String?
    var name = ""
    var title = ""
    var href = ""
    var current = false
    var t = TemplateValue.null
    var helpHref: String?
    /// The language's credit line and the brand's texts in it, for the root chooser's footer.
    var footer: String?
    var brandContact: String?
    var brandLicense: String?
}

/// What the template of a page made from Markdown sees besides `SiteFields`.
struct PageFields: TemplateFields {
    /// The name of the page's body, which is set once the rest of the context has made the page's key.
    static let contentName = "content"

    var title = ""
    var description = ""
    /// Always nil here: the body goes in under `contentName` when the page is rendered.
    var content: TemplateValue?
    var toc: [TocItem] = []
    var hasToc = false
    var url = ""
    var canonical: String?
    /// A page shown in another language's place, when a translation is missing.
    var isFallback = false
    var contentLang = ""
    /// The direction of the body when it differs from the page's language (a fallback page in another script).
    var contentDir: String?
    /// For a translation made from an older version of its source: what the reader is told, and the source.
    var staleNotice: String?
    var staleHref: String?
    var staleLang: String?
    var date: String?
    var dateISO: String?
    var tags: [String] = []
    var isHome = false
    var isSection = false
    var children: [ChildItem] = []
    var hasChildren = false
    var translations: [TranslationItem] = []
    var alternates: [AlternateItem] = []
}

/// A heading of level 2 or 3 of the page (`toc`).
struct TocItem: TemplateFields {
    var id = ""
    var text = ""
    var level = 0
    /// True for a heading of level 3, set in under the one before it (the theme marks only these);
    /// left out for the rest, most of them, which makes their context no larger.
    var nested: Bool?
}

/// A page of a section, listed on the section's page (`children`).
struct ChildItem: TemplateFields {
    var title = ""
    var href = ""
    var description = ""
}

/// The page in a language of the site, or that language's home when it has none (`translations`).
struct TranslationItem: TemplateFields {
    var code = ""
    /// The language's direction when it differs from the page's (a name of its own, so an item
    /// never inherits the page's `dir`).
    var otherDir: String?
    var name = ""
    var href = ""
    var current = false
    var isTranslated = false
}

/// A `<link rel="alternate" hreflang>` of the page (`alternates`).
struct AlternateItem: TemplateFields {
    var hreflang = ""
    var href = ""
}

/// What the template of a page hashi makes itself (search, 404, the root chooser) sees besides `SiteFields`.
struct GeneratedFields: TemplateFields {
    var title = ""
    var translations: [TranslationItem] = []
    /// On the search page: the `SearchLayout` of every language (`data-index`), so a query loads
    /// its postings without asking for `index.js` first.
    var searchIndex = ""
}

/// The translators' page (`translation-status`): the site's languages, and a row for each page.
struct StatusFields: TemplateFields {
    var statusLanguages: [StatusLanguage] = []
    var statusRows: [StatusRow] = []
}

struct StatusLanguage: TemplateFields {
    var statusCode = ""
}

/// A page (`statusFile`, its source) and its state in each language.
struct StatusRow: TemplateFields {
    var statusFile = ""
    var statusHref = ""
    var statusCells: [StatusCell] = []
}

/// Names of their own, so a cell without a link never takes its row's.
struct StatusCell: TemplateFields {
    var cellState = ""
    var cellLabel = ""
    var cellHref: String?
}
