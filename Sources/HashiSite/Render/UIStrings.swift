import Yams
import HashiContent
import HashiSupport

/// The words of the theme in each language (`Templates/i18n/<lang>.yaml`), a missing one taken from the language's fallback chain.
public struct UIStrings: Sendable {
    /// Strings by language code, already filled with the default language where a key was missing.
    public let byLanguage: [String: [String: String]]
    /// Every key any language defines.
    public let keys: Set<String>

    /// Each language's strings as the templates get them (`t`), made once for the whole build: every
    /// page of a language shares the one value, and a page's key leaves it out (the strings are
    /// in the template key).
    let tables: [String: TemplateValue]

    init(byLanguage: [String: [String: String]], keys: Set<String>) {
        self.byLanguage = byLanguage
        self.keys = keys
        tables = byLanguage.mapValues { strings in .object(TemplateObject(strings.mapValues { .string($0) })) }
    }

    public func strings(for language: Language) -> [String: String] {
        byLanguage[language.code] ?? [:]
    }

    func table(for language: Language) -> TemplateValue {
        tables[language.code] ?? .object([:])
    }

    static func load(files: [String: (text: String, display: String)], languages: [Language], displayFolder: String) -> (UIStrings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var raw: [String: [String: String]] = [:]
        var lines: [String: [String: Int]] = [:]
        for language in languages {
            guard let file = files[language.code] else {
                diagnostics.append(Diagnostic(RenderProblem.noUIStrings(language: language.code),
                                             at: SourceLocation(file: displayFolder + "/i18n/\(language.code).yaml")))
                continue
            }
            var reader = YAMLReader(file: file.display)
            guard let root = reader.parse(file.text), case .mapping(let mapping) = root else {
                if reader.diagnostics.isEmpty { reader.report(RenderProblem.uiStringsNotMapping, at: nil) }
                diagnostics += reader.diagnostics
                continue
            }
            var strings: [String: String] = [:]
            for (keyNode, value) in mapping {
                guard let key = keyNode.scalar?.string, let text = reader.string(value, key: key) else { continue }
                strings[key] = text
                lines[language.code, default: [:]][key] = keyNode.mark?.line ?? 1
            }
            diagnostics += reader.diagnostics
            raw[language.code] = strings
        }
        let keys = Set(raw.values.flatMap(\.keys))
        var filled: [String: [String: String]] = [:]
        for language in languages {
            let display = files[language.code]?.display
            filled[language.code] = fill(language, raw: raw, keys: keys, languages: languages) { key, owner in
                guard let display else { return }
                diagnostics.append(Diagnostic(RenderProblem.uiStringMissing(key: key, owner: owner),
                                             at: SourceLocation(file: display)))
            }
        }
        return (UIStrings(byLanguage: filled, keys: keys), diagnostics)
    }

    /// A language's strings with each missing key taken from the nearest language of its fallback chain
    /// (then any language that has it); `missing` hears of each key a language's own file lacks.
    private static func fill(_ language: Language, raw: [String: [String: String]], keys: Set<String>, languages: [Language],
                             missing: (String, String) -> Void) -> [String: String] {
        let chain = languages.fallbackChain(for: language) + languages
        var strings = raw[language.code] ?? [:]
        for key in keys.sorted() where strings[key] == nil {
            guard let owner = chain.first(where: { raw[$0.code]?[key] != nil }), let text = raw[owner.code]?[key] else { continue }
            if raw[language.code] != nil { missing(key, owner.code) }
            strings[key] = owner.direction == language.direction || text.hasPrefix("https://") || text.hasPrefix("http://")
                ? text : "\u{2068}" + text + "\u{2069}"
        }
        return strings
    }
}
