import HashiSupport

/// A place to report or get help, from `Content/data/reporting-channels.yaml`; every text in every site language.
public struct ReportingChannel: Sendable {
    /// The situations a reader can narrow the list by.
    /// `witness` is for channels meant for people who saw something, not for a victim asking for help.
    public static let situations = ["emergency", "work", "sexual", "child", "online", "immigration", "witness"]

    public var id: String
    public var situations: [String]
    public var isEmergency: Bool
    public var name: LocalizedText
    public var purpose: LocalizedText
    public var audience: LocalizedText
    /// A number a phone can dial from a `tel:` link.
    public var phone: String?
    /// A code a link cannot dial (`#8891`), shown as text with `howToCall`.
    public var shortCode: String?
    public var howToCall: LocalizedText?
    public var form: String?
    public var website: String?
    public var languages: LocalizedText?
    /// nil where it is not known.
    public var anonymous: Bool?
    public var hours: LocalizedText?
    public var note: LocalizedText?
    /// The https page its facts were checked against.
    public var source: String?
    /// When its facts were last checked; nil where the file's date applies.
    public var checked: SimpleDate?

    /// `tel:` target of `phone`: digits only, `+` kept in front.
    public var telURL: String? {
        phone.map { number in "tel:" + number.filter { $0.isASCII && ($0.isNumber || $0 == "+") } }
    }
}

/// A text given once per site language, or for some languages when the site lets a translation be missing.
public struct LocalizedText: Sendable, Hashable {
    public var values: [String: String]

    public func text(for language: Language) -> String { values[language.code] ?? "" }

    /// The text in `language`, else in the nearest language of `chain` that has one, with that language.
    public func text(for language: Language, chain: [Language]) -> (text: String, from: Language)? {
        for candidate in [language] + chain {
            if let text = values[candidate.code] { return (text, candidate) }
        }
        return nil
    }
}

/// The reporting channels of the site and the date they were last checked.
public struct ReportingChannels: Sendable {
    public var checked: SimpleDate?
    public var channels: [ReportingChannel]

    public static let fileName = "reporting-channels.yaml"
}
