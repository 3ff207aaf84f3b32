import HashiContent
import HashiSupport

/// What the reporting-channels layouts see besides the page's own context.
struct ChannelFields: TemplateFields {
    var channels: [ChannelCard] = []
    /// The situations to narrow the cards by, those that some channel is for.
    var situations: [SituationItem] = []
    var checked: String?
    var checkedISO: String?
}

/// One channel in the page's language.
struct ChannelCard: TemplateFields {
    var id = ""
    var name = ""
    var purpose = ""
    var audience = ""
    var isEmergency = false
    var classes = ""
    var phone: String?
    var telURL: String?
    var shortCode: String?
    var howToCall: String?
    var form: String?
    var website: String?
    var channelLanguages: String?
    var hours: String?
    var note: String?
    var anonymousText: String?
}

/// A situation to narrow the cards by, in the page's language (`situations`).
struct SituationItem: TemplateFields {
    var id = ""
    var label = ""
}

extension PageContext {
    /// The cards of the reporting-channels layout, in data order, with the situations to narrow them by.
    static func channels(_ data: ReportingChannels, language: Language, strings: [String: String]) -> ChannelFields {
        var fields = ChannelFields()
        fields.channels = data.channels.map { channel in
            var card = ChannelCard(id: channel.id, name: channel.name.text(for: language), purpose: channel.purpose.text(for: language),
                                   audience: channel.audience.text(for: language), isEmergency: channel.isEmergency,
                                   classes: channel.situations.map { "for-" + $0 }.joined(separator: " "))
            card.phone = channel.phone
            card.telURL = channel.telURL
            card.shortCode = channel.shortCode
            card.howToCall = channel.howToCall?.text(for: language)
            card.form = channel.form
            card.website = channel.website
            card.channelLanguages = channel.languages?.text(for: language)
            card.hours = channel.hours?.text(for: language)
            card.note = channel.note?.text(for: language)
            if let anonymous = channel.anonymous {
                card.anonymousText = anonymous ? strings["channelAnonymousYes"] : strings["channelAnonymousNo"]
            }
            return card
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
