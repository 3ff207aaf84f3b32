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

    func addMembers(to members: inout TemplateMembers) {
        members.set("lang", lang)
        members.set("dir", dir)
        members.set("langName", langName)
        members.set("siteTitle", siteTitle)
        members.set("root", root)
        members.set("assets", assets)
        members.set("home", home)
        members.set("searchHref", searchHref)
        members.set("t", t)
        members.set("generator", generator)
        members.set("menu", menu)
        members.set("hasMenu", hasMenu)
        members.set("languages", languages)
        members.set("footer", footer)
        members.set("helpHref", helpHref)
        members.set("brandName", brandName)
        members.set("brandLogo", brandLogo)
        members.set("brandContact", brandContact)
        members.set("brandLicense", brandLicense)
        members.set("brandColor", brandColor)
        members.set("brandStylesheet", brandStylesheet)
        members.set("brandShowName", brandShowName)
    }
}

/// A page of the language's menu (`menu`).
struct MenuItem: TemplateFields {
    var title = ""
    var href = ""
    var current = false

    func addMembers(to members: inout TemplateMembers) {
        members.set("title", title)
        members.set("href", href)
        members.set("current", current)
    }
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

    func addMembers(to members: inout TemplateMembers) {
        members.set("code", code)
        members.set("otherDir", otherDir)
        members.set("name", name)
        members.set("title", title)
        members.set("href", href)
        members.set("current", current)
        members.set("t", t)
        members.set("helpHref", helpHref)
        members.set("footer", footer)
        members.set("brandContact", brandContact)
        members.set("brandLicense", brandLicense)
    }
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

    func addMembers(to members: inout TemplateMembers) {
        members.set("title", title)
        members.set("description", description)
        members.set("content", content)
        members.set("toc", toc)
        members.set("hasToc", hasToc)
        members.set("url", url)
        members.set("canonical", canonical)
        members.set("isFallback", isFallback)
        members.set("contentLang", contentLang)
        members.set("contentDir", contentDir)
        members.set("staleNotice", staleNotice)
        members.set("staleHref", staleHref)
        members.set("staleLang", staleLang)
        members.set("date", date)
        members.set("dateISO", dateISO)
        members.set("tags", tags)
        members.set("isHome", isHome)
        members.set("isSection", isSection)
        members.set("children", children)
        members.set("hasChildren", hasChildren)
        members.set("translations", translations)
        members.set("alternates", alternates)
    }
}

/// A heading of level 2 or 3 of the page (`toc`).
struct TocItem: TemplateFields {
    var id = ""
    var text = ""
    var level = 0
    /// True for a heading of level 3, set in under the one before it (the theme marks only these);
    /// left out for the rest, most of them, which makes their context no larger.
    var nested: Bool?

    func addMembers(to members: inout TemplateMembers) {
        members.set("id", id)
        members.set("text", text)
        members.set("level", level)
        members.set("nested", nested.map(TemplateValue.bool))
    }
}

/// A page of a section, listed on the section's page (`children`).
struct ChildItem: TemplateFields {
    var title = ""
    var href = ""
    var description = ""

    func addMembers(to members: inout TemplateMembers) {
        members.set("title", title)
        members.set("href", href)
        members.set("description", description)
    }
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

    func addMembers(to members: inout TemplateMembers) {
        members.set("code", code)
        members.set("otherDir", otherDir)
        members.set("name", name)
        members.set("href", href)
        members.set("current", current)
        members.set("isTranslated", isTranslated)
    }
}

/// A `<link rel="alternate" hreflang>` of the page (`alternates`).
struct AlternateItem: TemplateFields {
    var hreflang = ""
    var href = ""

    func addMembers(to members: inout TemplateMembers) {
        members.set("hreflang", hreflang)
        members.set("href", href)
    }
}

/// What the template of a page hashi makes itself (search, 404, the root chooser) sees besides `SiteFields`.
struct GeneratedFields: TemplateFields {
    var title = ""
    var translations: [TranslationItem] = []
    /// On the search page: the `SearchLayout` of every language (`data-index`), so a query loads
    /// its postings without asking for `index.js` first.
    var searchIndex = ""

    func addMembers(to members: inout TemplateMembers) {
        members.set("title", title)
        members.set("translations", translations)
        members.set("searchIndex", searchIndex)
    }
}

/// The translators' page (`translation-status`): the site's languages, and a row for each page.
struct StatusFields: TemplateFields {
    var statusLanguages: [StatusLanguage] = []
    var statusRows: [StatusRow] = []

    func addMembers(to members: inout TemplateMembers) {
        members.set("statusLanguages", statusLanguages)
        members.set("statusRows", statusRows)
    }
}

struct StatusLanguage: TemplateFields {
    var statusCode = ""

    func addMembers(to members: inout TemplateMembers) {
        members.set("statusCode", statusCode)
    }
}

/// A page (`statusFile`, its source) and its state in each language.
struct StatusRow: TemplateFields {
    var statusFile = ""
    var statusHref = ""
    var statusCells: [StatusCell] = []

    func addMembers(to members: inout TemplateMembers) {
        members.set("statusFile", statusFile)
        members.set("statusHref", statusHref)
        members.set("statusCells", statusCells)
    }
}

/// Names of their own, so a cell without a link never takes its row's.
struct StatusCell: TemplateFields {
    var cellState = ""
    var cellLabel = ""
    var cellHref: String?

    func addMembers(to members: inout TemplateMembers) {
        members.set("cellState", cellState)
        members.set("cellLabel", cellLabel)
        members.set("cellHref", cellHref)
    }
}
