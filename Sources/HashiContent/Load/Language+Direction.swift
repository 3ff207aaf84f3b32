/// Which way a language's script runs, from its code alone, so no site has to say it.
public enum TextDirection: String, Sendable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"

    /// Languages written right to left in their usual script (BCP 47 primary subtags).
    static let rightToLeftLanguages: Set<String> = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "khw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi",
    ]
    /// Script subtags (ISO 15924) that run right to left, which override the language's usual script.
    static let rightToLeftScripts: Set<String> = [
        "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr",
    ]

    /// `ar`, `ar-EG`, `ur-PK` and `pa-Arab` run right to left; `ku-Latn` and `az-Arab`'s opposite `az` do not.
    public static func of(code: String) -> TextDirection {
        // Most codes are a bare primary subtag in lower case (`en`, `ja`): no copy, no split. Every
        // page asks for several languages' directions.
        if code.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
            return rightToLeftLanguages.contains(code) ? .rightToLeft : .leftToRight
        }
        let subtags = code.lowercased().split(separator: "-").map(String.init)
        guard let primary = subtags.first else { return .leftToRight }
        if let script = subtags.dropFirst().first(where: { $0.count == 4 && $0.allSatisfy(\.isLetter) }) {
            return rightToLeftScripts.contains(script) ? .rightToLeft : .leftToRight
        }
        return rightToLeftLanguages.contains(primary) ? .rightToLeft : .leftToRight
    }
}

extension Language {
    public var direction: TextDirection { TextDirection.of(code: code) }

    /// This language's direction (`ltr`, `rtl`) when it differs from `other`'s, for a `dir` attribute; else nil.
    public func otherDirection(than other: Language) -> String? {
        direction == other.direction ? nil : direction.rawValue
    }
}

extension Array where Element == Language {
    /// The languages whose UI strings stand in for `language`'s missing ones, nearest first: its declared
    /// `fallback`, then English when the site has it, else the site's first language.
    public func fallbackChain(for language: Language) -> [Language] {
        var chain: [Language] = []
        let last = first { $0.code == "en" } ?? first
        for code in language.fallback + [last?.code].compactMap({ $0 }) {
            guard code != language.code, let next = first(where: { $0.code == code }), !chain.contains(next) else { continue }
            chain.append(next)
        }
        return chain
    }
}
