import Yams
import HashiSupport

/// Reads `site.yaml`: languages first, every unknown or ill-typed key reported with its line.
struct SiteConfigLoader {
    static let keys: Set<String> = ["languages", "baseURL", "markdown", "menu", "helpPage", "missingTranslation", "brand", "templates"]
    static let languageKeys: Set<String> = ["code", "name", "title", "footer", "fallback", "partial"]
    static let markdownKeys: Set<String> = ["unsafeHTML"]

    /// Returns nil when the file cannot give a usable language list; diagnostics say why.
    static func load(text: String, file: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = YAMLReader(file: file)
        guard let root = reader.parse(text) else { return (nil, reader.diagnostics) }
        guard let pairs = reader.mapping(root, allowed: keys, what: "site.yaml") else { return (nil, reader.diagnostics) }

        // Languages first: other keys (menus) are checked against them, wherever they stand.
        let languageNode = pairs.first { $0.key == "languages" }?.value
        let languages = languageNode.map { readLanguages($0, reader: &reader) } ?? []
        var config = SiteConfig(languages: [])
        config.file = file
        for (key, _, value) in pairs {
            switch key {
            case "baseURL":
                if let url = reader.string(value, key: key) {
                    if url.hasPrefix("https://") || url.hasPrefix("http://") {
                        config.baseURL = url
                    } else {
                        reader.report(SiteConfigProblem.invalidBaseURL, at: value)
                    }
                }
            case "markdown":
                guard let options = reader.mapping(value, allowed: markdownKeys, what: "markdown") else { continue }
                for (_, _, option) in options {
                    config.allowRawHTML = reader.bool(option, key: "unsafeHTML") ?? false
                }
            case "templates":
                config.templateFolders = reader.stringList(value, key: key) ?? []
            case "helpPage":
                config.helpPage = reader.string(value, key: key)
            case "brand":
                config.brand = BrandLoader(languages: languages).load(value, reader: &reader)
            case "menu":
                config.menus = readMenus(value, languages: languages, reader: &reader)
            case "missingTranslation":
                guard let text = reader.string(value, key: key) else { continue }
                if let choice = SiteConfig.MissingTranslation(rawValue: text) {
                    config.missingTranslation = choice
                } else {
                    let known = SiteConfig.MissingTranslation.allCases.map(\.rawValue).joined(separator: ", ")
                    reader.report(SiteConfigProblem.invalidMissingTranslation(known: known), at: value)
                }
            default:
                break
            }
        }
        if languageNode == nil {
            reader.report(SiteConfigProblem.noLanguages, at: root)
        }
        guard !languages.isEmpty else { return (nil, reader.diagnostics) }
        config.languages = languages
        return (config, reader.diagnostics)
    }

    /// A list for every language, or a mapping from language codes to lists.
    private static func readMenus(_ node: Node, languages: [Language], reader: inout YAMLReader) -> [String: [MenuEntry]] {
        func entries(_ list: Node, key: String) -> [MenuEntry] {
            guard reader.stringList(list, key: key) != nil, case .sequence(let items) = list else { return [] }
            return items.map { MenuEntry(path: $0.scalar?.string ?? "", line: reader.location(of: $0).line) }
        }
        if case .mapping = node {
            let codes = Set(languages.map(\.code))
            var menus: [String: [MenuEntry]] = [:]
            for (code, _, list) in reader.mapping(node, allowed: codes, what: "menu (one list per language code)") ?? [] {
                menus[code] = entries(list, key: "menu." + code)
            }
            return menus
        }
        return ["": entries(node, key: "menu")]
    }

    private static func readLanguages(_ node: Node, reader: inout YAMLReader) -> [Language] {
        guard case .sequence(let items) = node, !items.isEmpty else {
            reader.report(SiteConfigProblem.languagesNotList, at: node)
            return []
        }
        var languages: [Language] = []
        var declarations: [Node] = []
        for item in items {
            guard let fields = reader.mapping(item, allowed: languageKeys, what: "a language") else { continue }
            var values: [String: String] = [:]
            var fallback: [String] = []
            var partial = false
            for (key, _, value) in fields {
                if key == "fallback" {
                    fallback = reader.stringList(value, key: "fallback") ?? []
                } else if key == "partial" {
                    partial = reader.bool(value, key: key) ?? false
                } else {
                    values[key] = reader.string(value, key: key)
                }
            }
            guard let code = values["code"] else {
                reader.report(SiteConfigProblem.languageWithoutCode, at: item)
                continue
            }
            guard Language.isValidCode(code) else {
                reader.report(SiteConfigProblem.invalidLanguageCode(code: code), at: item)
                continue
            }
            if languages.contains(where: { $0.code == code }) {
                reader.report(SiteConfigProblem.duplicateLanguage(code: code), at: item)
                continue
            }
            for required in ["name", "title"] where values[required] == nil {
                reader.report(SiteConfigProblem.languageIncomplete(code: code, field: required), at: item)
            }
            languages.append(Language(code: code, name: values["name"] ?? code, title: values["title"] ?? code,
                                      footer: values["footer"], order: languages.count, fallback: fallback, partial: partial))
            declarations.append(item)
        }
        let codes = Set(languages.map(\.code))
        for (item, language) in zip(declarations, languages) {
            for code in language.fallback where !codes.contains(code) || code == language.code {
                reader.report(SiteConfigProblem.invalidFallback(code: language.code, fallback: code), at: item)
            }
        }
        return languages
    }
}
