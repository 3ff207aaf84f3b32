import HashiSupport

// Every problem the Load stage reports, with its stable code, its severity and its words: one enum
// per kind of file read (YAML in general, content files, front matter, site.yaml, the brand, the
// reporting channels). Call sites name a case; the words are changed here and nowhere else.

/// What any YAML file can get wrong, whichever file it is.
package enum YAMLProblem: DiagnosticProblem, Equatable {
    case invalid(problem: String)
    case notMapping(what: String)
    case keyNotText(what: String)
    case unknownKey(key: String, what: String, known: String)
    case notText(key: String)
    case empty(key: String)
    case commentAsValue(key: String)
    case notBoolean(key: String)
    case notInteger(key: String)
    case notList(key: String)
    case itemNotText(key: String)
    case notDate(key: String)
    case missingLanguage(key: String, language: String)
    case noTextAtAll(key: String)

    package var code: String {
        switch self {
        case .invalid: "yaml.invalid"
        case .notMapping: "yaml.not-mapping"
        case .keyNotText: "yaml.key-not-text"
        case .unknownKey: "yaml.unknown-key"
        case .notText: "yaml.not-text"
        case .empty: "yaml.empty"
        case .commentAsValue: "yaml.comment-as-value"
        case .notBoolean: "yaml.not-boolean"
        case .notInteger: "yaml.not-integer"
        case .notList: "yaml.not-list"
        case .itemNotText: "yaml.item-not-text"
        case .notDate: "yaml.not-date"
        case .missingLanguage: "yaml.missing-language"
        case .noTextAtAll: "yaml.no-text"
        }
    }

    package var severity: Diagnostic.Severity { .error }

    package var message: String {
        switch self {
        case .invalid(let problem): "invalid YAML: \(problem)"
        case .notMapping(let what): "\(what) must be a mapping of keys to values"
        case .keyNotText(let what): "\(what) has a key that is not text"
        case let .unknownKey(key, what, known): "unknown key \"\(key)\" in \(what) (known keys: \(known))"
        case .notText(let key): "\"\(key)\" must be text"
        case .empty(let key): "\"\(key)\" must not be empty"
        case .commentAsValue(let key):
            "\"\(key)\" is empty because in YAML a # starts a comment: put the value in quotes, like \(key): \"#1b6b3a\""
        case .notBoolean(let key): "\"\(key)\" must be true or false"
        case .notInteger(let key): "\"\(key)\" must be a whole number"
        case .notList(let key): "\"\(key)\" must be a list, like [a, b]"
        case .itemNotText(let key): "each item of \"\(key)\" must be text"
        case .notDate(let key): "\"\(key)\" must be a date written YYYY-MM-DD"
        case let .missingLanguage(key, language): "\"\(key)\" has no text in \"\(language)\""
        case .noTextAtAll(let key): "\"\(key)\" has no text in any language"
        }
    }

    package static let samples: [YAMLProblem] = [
        .invalid(problem: "p"), .notMapping(what: "w"), .keyNotText(what: "w"), .unknownKey(key: "k", what: "w", known: "\"a\""),
        .notText(key: "k"), .empty(key: "k"), .commentAsValue(key: "k"), .notBoolean(key: "k"), .notInteger(key: "k"), .notList(key: "k"),
        .itemNotText(key: "k"), .notDate(key: "k"), .missingLanguage(key: "k", language: "ja"), .noTextAtAll(key: "k"),
    ]
}

/// What can be wrong with the content folder and the files in it, before their words are read.
package enum ContentProblem: DiagnosticProblem, Equatable {
    case folderMissing
    case languageFolderMissing(language: String)
    case pageTooLarge(megabytes: String, limit: Int)
    case invalidUTF8
    case nulByte
    case overlayFolderMissing
    case overlayEmpty(channelsFile: String)

    package var code: String {
        switch self {
        case .folderMissing: "content.folder-missing"
        case .languageFolderMissing: "content.language-folder-missing"
        case .pageTooLarge: "content.page-too-large"
        case .invalidUTF8: "text.invalid-utf8"
        case .nulByte: "text.nul-byte"
        case .overlayFolderMissing: "overlay.folder-missing"
        case .overlayEmpty: "overlay.empty"
        }
    }

    package var severity: Diagnostic.Severity {
        if case .overlayEmpty = self { return .warning }
        return .error
    }

    package var message: String {
        switch self {
        case .folderMissing: "content folder not found"
        case .languageFolderMissing(let language): "no folder for language \"\(language)\" declared in site.yaml"
        case let .pageTooLarge(megabytes, limit):
            "this page is \(megabytes) MB; a page may be at most \(limit) MB: split it into "
                + "several pages (a reader's phone could not open it either)"
        case .invalidUTF8: "file is not valid UTF-8 here: save it as UTF-8"
        case .nulByte: "file contains a NUL byte: is it a text file?"
        case .overlayFolderMissing: "overlay folder not found"
        case .overlayEmpty(let channelsFile):
            "the overlay folder has neither site.yaml nor data/\(channelsFile): nothing to lay over the content"
        }
    }

    package static let samples: [ContentProblem] = [
        .folderMissing, .languageFolderMissing(language: "ja"), .pageTooLarge(megabytes: "9.0", limit: 8), .invalidUTF8, .nulByte,
        .overlayFolderMissing, .overlayEmpty(channelsFile: "channels.yaml"),
    ]
}

/// What a page's front matter can get wrong, beyond YAML in general.
package enum FrontMatterProblem: DiagnosticProblem, Equatable {
    case emptyFile
    case missing
    case notClosed
    case noTitle
    case emptyTitle
    case invalidName(key: String, problem: NameProblem)

    package var code: String {
        switch self {
        case .emptyFile: "frontmatter.empty-file"
        case .missing: "frontmatter.missing"
        case .notClosed: "frontmatter.not-closed"
        case .noTitle: "frontmatter.no-title"
        case .emptyTitle: "frontmatter.empty-title"
        case .invalidName: "frontmatter.invalid-name"
        }
    }

    package var severity: Diagnostic.Severity { .error }

    package var message: String {
        switch self {
        case .emptyFile: "file is empty: a page needs front matter with a \"title\", between --- lines"
        case .missing: "page has no front matter: start the file with a line ---, then title: ..., then ---"
        case .notClosed: "front matter is not closed: add a line --- after it"
        case .noTitle: "front matter has no \"title\""
        case .emptyTitle: "\"title\" must not be empty"
        case let .invalidName(key, problem): "\"\(key)\" \(problem.words)"
        }
    }

    package static let samples: [FrontMatterProblem] = [
        .emptyFile, .missing, .notClosed, .noTitle, .emptyTitle, .invalidName(key: "slug", problem: .parentFolder),
    ]
}

/// Why a `slug`, `translationKey` or `layout` cannot be one folder of a URL: the end of `frontmatter.invalid-name`.
package enum NameProblem: Equatable, Sendable {
    case empty
    case parentFolder
    case slash
    case backslash
    case controlCharacter
    case leadingDot

    var words: String {
        switch self {
        case .empty: "must not be empty"
        case .parentFolder: "must not contain \"..\""
        case .slash: "must not contain \"/\""
        case .backslash: "must not contain \"\\\""
        case .controlCharacter: "must not contain control characters"
        case .leadingDot: "must not start with \".\""
        }
    }
}

/// What `site.yaml` (or an overlay's) can get wrong: its settings and its languages.
package enum SiteConfigProblem: DiagnosticProblem, Equatable {
    case missing
    case unreadable(reason: String)
    case invalidBaseURL
    case invalidMissingTranslation(known: String)
    case noLanguages
    case languagesNotList
    case languageWithoutCode
    case invalidLanguageCode(code: String)
    case duplicateLanguage(code: String)
    case languageIncomplete(code: String, field: String)
    case invalidFallback(code: String, fallback: String)

    package var code: String {
        switch self {
        case .missing: "site.missing"
        case .unreadable: "site.unreadable"
        case .invalidBaseURL: "site.invalid-base-url"
        case .invalidMissingTranslation: "site.invalid-missing-translation"
        case .noLanguages: "site.no-languages"
        case .languagesNotList: "site.languages-not-list"
        case .languageWithoutCode: "site.language-without-code"
        case .invalidLanguageCode: "site.invalid-language-code"
        case .duplicateLanguage: "site.duplicate-language"
        case .languageIncomplete: "site.language-incomplete"
        case .invalidFallback: "site.invalid-fallback"
        }
    }

    package var severity: Diagnostic.Severity { .error }

    package var message: String {
        switch self {
        case .missing: "site.yaml not found: every content folder needs one that lists its languages"
        case .unreadable(let reason): "cannot read site.yaml: \(reason)"
        case .invalidBaseURL: "\"baseURL\" must start with https:// or http://"
        case .invalidMissingTranslation(let known): "\"missingTranslation\" must be one of: \(known)"
        case .noLanguages: "site.yaml has no \"languages\" list"
        case .languagesNotList: "\"languages\" must be a list of languages, each with code, name and title"
        case .languageWithoutCode: "a language needs a \"code\", like ja or en"
        case .invalidLanguageCode(let code): "language code \"\(code)\" must be letters, digits and hyphens, like ja or pt-BR"
        case .duplicateLanguage(let code): "language \"\(code)\" is declared twice"
        case let .languageIncomplete(code, field): "language \"\(code)\" needs a \"\(field)\""
        case let .invalidFallback(code, fallback):
            "language \"\(code)\" falls back to \"\(fallback)\", which is not another language of the site"
        }
    }

    package static let samples: [SiteConfigProblem] = [
        .missing, .unreadable(reason: "r"), .invalidBaseURL, .invalidMissingTranslation(known: "warn, fail"), .noLanguages,
        .languagesNotList, .languageWithoutCode, .invalidLanguageCode(code: "j a"), .duplicateLanguage(code: "ja"),
        .languageIncomplete(code: "ja", field: "title"), .invalidFallback(code: "vi", fallback: "xx"),
    ]
}

/// What the `brand:` of site.yaml can get wrong: the NGO's name, logo and colour.
package enum BrandProblem: DiagnosticProblem, Equatable {
    case logoOutside
    case logoNotImage(extensions: String)
    case invalidColor
    case lowContrast(color: String, ratio: String, against: String, background: String)
    case logoWithoutName
    case logoMissing(logo: String)

    package var code: String {
        switch self {
        case .logoOutside: "brand.logo-outside"
        case .logoNotImage: "brand.logo-not-image"
        case .invalidColor: "brand.invalid-color"
        case .lowContrast: "brand.low-contrast"
        case .logoWithoutName: "brand.logo-without-name"
        case .logoMissing: "brand.logo-missing"
        }
    }

    package var severity: Diagnostic.Severity { .error }

    package var message: String {
        switch self {
        case .logoOutside: "\"brand.logo\" must be a path inside the folder of site.yaml or a theme's assets/, like assets/logo.svg"
        case .logoNotImage(let extensions): "\"brand.logo\" must be an image (\(extensions))"
        case .invalidColor: "\"brand.primaryColor\" must be a colour written #rrggbb, like #1d4f91"
        case let .lowContrast(color, ratio, against, background):
            "\"brand.primaryColor\" \(color) has a contrast of only \(ratio):1 against "
                + "\(against) \(background); links and buttons need 4.5:1 (WCAG AA): choose a darker colour"
        case .logoWithoutName: "a brand with a \"logo\" needs a \"name\": it is the logo's text for people who cannot see it"
        case .logoMissing(let logo):
            "logo \"\(logo)\" not found: put it beside site.yaml or in a templates folder's assets/ (and write assets/…)"
        }
    }

    package static let samples: [BrandProblem] = [
        .logoOutside, .logoNotImage(extensions: "png, svg"), .invalidColor,
        .lowContrast(color: "#ffff00", ratio: "1.1", against: "the", background: "#ffffff"), .logoWithoutName,
        .logoMissing(logo: "assets/logo.svg"),
    ]
}

/// What the reporting channels (`data/channels.yaml`) can get wrong: a visitor may dial these.
package enum ChannelProblem: DiagnosticProblem, Equatable {
    case notList
    case duplicateID(id: String)
    case unknownSituation(situation: String, known: String)
    case missingField(key: String)
    case noContact(id: String)
    case shortCodeWithoutHowToCall
    case invalidID(id: String)
    case phone
    case shortCode
    case notWebAddress(key: String)
    case stale(id: String, checked: String, today: String, source: String)
    case staleFileDate(ids: String, checked: String, today: String)
    case oneTextForAll(key: String, languages: [String])

    package var code: String {
        switch self {
        case .notList: "channel.not-list"
        case .duplicateID: "channel.duplicate-id"
        case .unknownSituation: "channel.unknown-situation"
        case .missingField: "channel.missing-field"
        case .noContact: "channel.no-contact"
        case .shortCodeWithoutHowToCall: "channel.short-code-without-how-to-call"
        case .invalidID: "channel.invalid-id"
        case .phone: "channel.phone"
        case .shortCode: "channel.short-code"
        case .notWebAddress: "channel.web-address"
        case .stale: "channel.stale"
        case .staleFileDate: "channel.stale-file-date"
        case .oneTextForAll: "channel.one-text-for-all"
        }
    }

    package var severity: Diagnostic.Severity {
        switch self {
        case .noContact, .stale, .staleFileDate: .warning
        default: .error
        }
    }

    package var message: String {
        switch self {
        case .notList: "\"channels\" must be a list of channels"
        case .duplicateID(let id): "channel id \"\(id)\" is used twice"
        case let .unknownSituation(situation, known): "unknown situation \"\(situation)\" (known: \(known))"
        case .missingField(let key): "a channel needs \"\(key)\""
        case .noContact(let id): "channel \"\(id)\" gives no phone, short code, form, web site or note"
        case .shortCodeWithoutHowToCall: "a channel with a \"shortCode\" needs \"howToCall\": a short code cannot be dialled from a link"
        case .invalidID(let id): "channel id \"\(id)\" must be lowercase letters, digits and hyphens"
        case .phone:
            "\"phone\" must be a number a phone can dial, like 0120-924-839 or +81 3-1234-5678 (3 to 15 digits, "
                + "full-width ０-９ are read as 0-9); put a code like #8891 in \"shortCode\""
        case .shortCode: "\"shortCode\" is for codes like #8891 that a link cannot dial; put a dialable number in \"phone\""
        case .notWebAddress(let key):
            "\"\(key)\" must be an https:// address with a host name, like https://www.gov-online.go.jp/, "
                + "and no spaces, tabs, line breaks or direction marks"
        case let .stale(id, checked, today, source):
            "channel \"\(id)\" was last checked on \(checked), more than 12 months before the build (\(today)); "
                + "check its facts\(source) and update \"checked\""
        case let .staleFileDate(ids, checked, today):
            "channels \(ids) were last checked on \(checked), more than 12 months before "
                + "the build (\(today)); check their facts and give each its own \"checked\" date"
        case let .oneTextForAll(key, languages):
            "\"\(key)\" needs one text per language: write \"\(key):\" on a line of its own and under it, indented, "
                + languages.map { "\"\($0): …\"" }.joined(separator: " and ") + ", one a line"
        }
    }

    package static let samples: [ChannelProblem] = [
        .notList, .duplicateID(id: "a"), .unknownSituation(situation: "s", known: "labor"), .missingField(key: "id"),
        .noContact(id: "a"), .shortCodeWithoutHowToCall, .invalidID(id: "A"), .phone, .shortCode, .notWebAddress(key: "form"),
        .stale(id: "a", checked: "2020-01-01", today: "2026-01-01", source: ""),
        .staleFileDate(ids: "\"a\"", checked: "2020-01-01", today: "2026-01-01"),
        .oneTextForAll(key: "name", languages: ["ja", "en"]),
    ]
}

/// What a copy of a worked example still holds before it goes live (checked on the organisation's own files).
package enum ExampleProblem: DiagnosticProblem, Equatable {
    case address(String)
    case channelID(String)
    case organisation(String)

    package var code: String {
        switch self {
        case .address: "example.address"
        case .channelID: "example.channel-id"
        case .organisation: "example.organisation"
        }
    }

    package var severity: Diagnostic.Severity { .warning }

    package var message: String {
        switch self {
        case .address(let address): "\"\(address)\" is an example address that reaches no one: put your organisation's own"
        case .channelID(let id): "channel \"\(id)\" is the example's: replace it with a channel of your own, with an id of its own"
        case .organisation(let name): "\"\(name)\" is the example organisation: put your organisation's name"
        }
    }

    package static let samples: [ExampleProblem] = [.address("ngo.example"), .channelID("your-helpline"), .organisation("Example")]
}
