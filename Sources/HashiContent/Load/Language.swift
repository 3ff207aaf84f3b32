import HashiSupport

/// A site language, as declared in `site.yaml`; the first declared is the default.
public struct Language: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// BCP 47 code used in URLs, folder names and `lang` attributes (`ja`, `en`, `pt-BR`).
    public let code: String
    /// The language's own name for itself, shown in the language switcher.
    public let name: String
    /// The site's title in this language.
    public let title: String
    /// A line for the foot of every page (credit, license), if the site gives one.
    public let footer: String?
    /// Position in `site.yaml`, which orders languages everywhere.
    public let order: Int
    /// Languages whose UI strings stand in for a missing one, in order (`fallback: [en]`), as declared.
    public let fallback: [String]
    /// The site translates only some pages into this language (`partial: true`), so a page missing
    /// in it is expected and not warned about; the translation status report still lists it.
    public let partial: Bool

    public init(code: String, name: String, title: String, footer: String? = nil, order: Int, fallback: [String] = [], partial: Bool = false) {
        self.code = code
        self.name = name
        self.title = title
        self.footer = footer
        self.order = order
        self.fallback = fallback
        self.partial = partial
    }

    public var description: String { code }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.order < rhs.order }

    public static func == (lhs: Language, rhs: Language) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Language codes are letters, digits and hyphens, so they are safe as folder names.
    static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 35 && code.first!.isASCII && code.first!.isLetter
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
