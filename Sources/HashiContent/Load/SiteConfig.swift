import HashiSupport

/// The settings of `Content/site.yaml`.
public struct SiteConfig: Sendable {
    /// What to do for a page that has no translation in some language.
    public enum MissingTranslation: String, Sendable, CaseIterable {
        /// Leave it out of that language; the switcher leads to that language's home.
        case omit
        /// Show the default language's page under the other language's URL, with a notice.
        case fallback
        /// Report it as an error.
        case fail
    }

    public var languages: [Language]
    /// Where the settings were read, as shown in diagnostics (`Content/site.yaml`).
    public var file = "site.yaml"
    /// Raw HTML in Markdown is kept only when the site opts in.
    public var allowRawHTML: Bool = false
    /// Absolute URL of the deployed site, for sitemaps and canonical links.
    public var baseURL: String?
    /// Menu entries as paths under `Content/<lang>/` (`labor.md`): under "" for every language,
    /// or under a language code for that language alone.
    public var menus: [String: [MenuEntry]] = [:]
    /// The page every page points to for help (`report.md`), in the same place on each page.
    public var helpPage: String?
    public var missingTranslation: MissingTranslation = .omit
    /// Theme folders to use before those of `--templates`, relative to the content folder.
    public var templateFolders: [String] = []
    /// An organisation's name, logo, colour, contact and license (`brand:`), from this file or an overlay's.
    public var brand: Brand?

    public init(languages: [Language]) {
        self.languages = languages
    }

    public var defaultLanguage: Language { languages[0] }

    /// The menu entries of one language: its own list if `site.yaml` gives one, else the shared list.
    public func menu(for language: Language) -> [MenuEntry] {
        menus[language.code] ?? menus[""] ?? []
    }

    public func language(code: String) -> Language? {
        languages.first { $0.code == code }
    }
}

/// A page named in a menu of `site.yaml`, with the line that names it.
public struct MenuEntry: Sendable, Hashable {
    public var path: String
    public var line: Int
}
