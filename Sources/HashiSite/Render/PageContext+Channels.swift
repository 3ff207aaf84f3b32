import HashiContent
import HashiSupport

/// What the reporting-channels layouts see besides the page's own context.
struct ChannelFields: TemplateFields {
    var channels: [ChannelCard] = []
    /// The situations to narrow the cards by, those that some channel is for.
    var situations: [SituationItem] = []
    var checked: String?
    var checkedISO: String?

    func addMembers(to members: inout TemplateMembers) {
        members.set("channels", channels)
        members.set("situations", situations)
        members.set("checked", checked)
        members.set("checkedISO", checkedISO)
    }
}

/// One channel in the page's language. A text the channel lacks in that language comes from the
/// language's fallback chain when the site's policy is `fallback`, with its language in `<key>Lang`
/// (and its direction in `<key>Dir` when it differs from the page's), and `hasFallbackText` set.
struct ChannelCard: TemplateFields {
    var id = ""
    var name = ""
    var nameLang: String?
    var nameDir: String?
    var purpose = ""
    var purposeLang: String?
    var purposeDir: String?
    var audience = ""
    var audienceLang: String?
    var audienceDir: String?
    var isEmergency = false
    var classes = ""
    var phone: String?
    var telURL: String?
    var shortCode: String?
    var howToCall: String?
    var howToCallLang: String?
    var howToCallDir: String?
    var form: String?
    var website: String?
    var channelLanguages: String?
    var channelLanguagesLang: String?
    var channelLanguagesDir: String?
    var hours: String?
    var hoursLang: String?
    var hoursDir: String?
    var note: String?
    var noteLang: String?
    var noteDir: String?
    var anonymousText: String?
    var hasFallbackText = false

    func addMembers(to members: inout TemplateMembers) {
        members.set("id", id)
        members.set("name", name)
        members.set("nameLang", nameLang)
        members.set("nameDir", nameDir)
        members.set("purpose", purpose)
        members.set("purposeLang", purposeLang)
        members.set("purposeDir", purposeDir)
        members.set("audience", audience)
        members.set("audienceLang", audienceLang)
        members.set("audienceDir", audienceDir)
        members.set("isEmergency", isEmergency)
        members.set("classes", classes)
        members.set("phone", phone)
        members.set("telURL", telURL)
        members.set("shortCode", shortCode)
        members.set("howToCall", howToCall)
        members.set("howToCallLang", howToCallLang)
        members.set("howToCallDir", howToCallDir)
        members.set("form", form)
        members.set("website", website)
        members.set("channelLanguages", channelLanguages)
        members.set("channelLanguagesLang", channelLanguagesLang)
        members.set("channelLanguagesDir", channelLanguagesDir)
        members.set("hours", hours)
        members.set("hoursLang", hoursLang)
        members.set("hoursDir", hoursDir)
        members.set("note", note)
        members.set("noteLang", noteLang)
        members.set("noteDir", noteDir)
        members.set("anonymousText", anonymousText)
        members.set("hasFallbackText", hasFallbackText)
    }
}

/// A situation to narrow the cards by, in the page's language (`situations`).
struct SituationItem: TemplateFields {
    var id = ""
    var label = ""

    func addMembers(to members: inout TemplateMembers) {
        members.set("id", id)
        members.set("label", label)
    }
}

/// A channel's texts in one language, as the site's missing-translation policy has them.
struct ChannelTexts {
    let language: Language
    /// The languages a missing text may come from, nearest first; empty when the policy is `omit`.
    let chain: [Language]
    var usedFallback = false

    /// The text in the language or its chain, with `lang` and `dir` when it is another language's.
    mutating func pick(_ text: LocalizedText?) -> (text: String, lang: String?, dir: String?)? {
        guard let text, let found = text.text(for: language, chain: chain) else { return nil }
        guard found.from != language else { return (found.text, nil, nil) }
        usedFallback = true
        return (found.text, found.from.code, found.from.otherDirection(than: language))
    }
}

extension PageContext {
    /// A channel's card in `language`, or nil when the policy omits a channel that lacks its name, purpose or audience there.
    static func card(_ channel: ReportingChannel, texts: inout ChannelTexts, strings: [String: String]) -> ChannelCard? {
        guard let name = texts.pick(channel.name), let purpose = texts.pick(channel.purpose),
              let audience = texts.pick(channel.audience) else { return nil }
        var card = ChannelCard(id: channel.id, name: name.text, nameLang: name.lang, nameDir: name.dir,
                               purpose: purpose.text, purposeLang: purpose.lang, purposeDir: purpose.dir,
                               audience: audience.text, audienceLang: audience.lang, audienceDir: audience.dir,
                               isEmergency: channel.isEmergency, classes: channel.situations.map { "for-" + $0 }.joined(separator: " "))
        card.phone = channel.phone
        card.telURL = channel.telURL
        card.shortCode = channel.shortCode
        (card.howToCall, card.howToCallLang, card.howToCallDir) = split(texts.pick(channel.howToCall))
        card.form = channel.form
        card.website = channel.website
        (card.channelLanguages, card.channelLanguagesLang, card.channelLanguagesDir) = split(texts.pick(channel.languages))
        (card.hours, card.hoursLang, card.hoursDir) = split(texts.pick(channel.hours))
        (card.note, card.noteLang, card.noteDir) = split(texts.pick(channel.note))
        if let anonymous = channel.anonymous {
            card.anonymousText = anonymous ? strings["channelAnonymousYes"] : strings["channelAnonymousNo"]
        }
        card.hasFallbackText = texts.usedFallback
        return card
    }

    private static func split(_ picked: (text: String, lang: String?, dir: String?)?) -> (String?, String?, String?) {
        (picked?.text, picked?.lang, picked?.dir)
    }

    /// The cards of the reporting-channels layout, in data order, with the situations to narrow them by.
    static func channels(_ data: ReportingChannels, language: Language, strings: [String: String], site: Site) -> ChannelFields {
        var fields = ChannelFields()
        let chain = site.config.missingTranslation == .fallback ? site.languages.fallbackChain(for: language) + site.languages : []
        fields.channels = data.channels.compactMap { channel in
            var texts = ChannelTexts(language: language, chain: chain)
            return card(channel, texts: &texts, strings: strings)
        }
        let situations = ReportingChannel.situations.filter { situation in data.channels.contains { $0.situations.contains(situation) } }
        fields.situations = situations.map { SituationItem(id: $0, label: strings["situation-" + $0] ?? $0) }
        if let checked = data.checked {
            fields.checked = LocalizedDate.format(checked, language: language)
            fields.checkedISO = checked.description
        }
        return fields
    }
}
