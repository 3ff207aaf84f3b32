extension PageContext {
    /// The cards of the reporting-channels layout, in data order, with the situations to narrow them by.
    static func channels(_ data: ReportingChannels, language: Language, strings: [String: String]) -> [String: Any] {
        let cards = data.channels.map { channel -> [String: Any] in
            var card: [String: Any] = [
                "id": channel.id,
                "name": channel.name.text(for: language),
                "purpose": channel.purpose.text(for: language),
                "audience": channel.audience.text(for: language),
                "isEmergency": channel.isEmergency,
                "classes": channel.situations.map { "for-" + $0 }.joined(separator: " "),
            ]
            card["phone"] = channel.phone
            card["telURL"] = channel.telURL
            card["shortCode"] = channel.shortCode
            card["howToCall"] = channel.howToCall?.text(for: language)
            card["form"] = channel.form
            card["website"] = channel.website
            card["channelLanguages"] = channel.languages?.text(for: language)
            card["hours"] = channel.hours?.text(for: language)
            card["note"] = channel.note?.text(for: language)
            if let anonymous = channel.anonymous {
                card["anonymousText"] = anonymous ? strings["channelAnonymousYes"] : strings["channelAnonymousNo"]
            }
            return card
        }
        let situations = ReportingChannel.situations.filter { situation in data.channels.contains { $0.situations.contains(situation) } }
        var context: [String: Any] = [
            "channels": cards,
            "situations": situations.map { ["id": $0, "label": strings["situation-" + $0] ?? $0] as [String: Any] },
        ]
        if let checked = data.checked {
            context["checked"] = LocalizedDate.format(checked, language: language)
            context["checkedISO"] = checked.description
        }
        return context
    }

    static let channelKeys: Set<String> = [
        "channels", "situations", "checked", "checkedISO", "isEmergency", "classes", "phone", "telURL", "shortCode",
        "howToCall", "form", "website", "channelLanguages", "hours", "note", "anonymousText", "purpose", "audience", "label",
    ]
}
