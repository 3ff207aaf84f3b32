import Yams
import HashiSupport

/// Reads and validates the reporting channels: known fields only, a text in every language unless
/// the site's missing-translation policy lets one be missing,
/// https links, numbers that can be dialled; each problem at its `file:line:col`.
struct ReportingChannelsLoader {
    static let keys: Set<String> = ["checked", "channels"]
    static let channelKeys: Set<String> = [
        "id", "situations", "emergency", "name", "purpose", "audience", "phone", "shortCode", "howToCall",
        "form", "website", "languages", "anonymous", "hours", "note", "source", "checked",
    ]
    static let requiredText = ["name", "purpose", "audience"]

    let languages: [Language]
    /// `fail` requires every text in every language; `fallback` and `omit` let a language lack one.
    var missingTranslation: SiteConfig.MissingTranslation = .fail
    /// The build date, against which `checked` dates are judged stale.
    var today: SimpleDate = .today()

    func load(_ file: DataFile) -> (ReportingChannels?, [Diagnostic]) {
        var reader = YAMLReader(file: file.displayPath)
        guard let root = reader.parse(file.text),
              let pairs = reader.mapping(root, allowed: Self.keys, what: file.name) else { return (nil, reader.diagnostics) }
        var result = ReportingChannels(checked: nil, channels: [])
        var ids: Set<String> = []
        var fileChecked: Node?
        for (key, _, value) in pairs {
            if key == "checked" {
                result.checked = reader.date(value, key: key)
                fileChecked = value
                continue
            }
            guard case .sequence(let items) = value else {
                reader.report(ChannelProblem.notList, at: value)
                continue
            }
            for item in items {
                guard let channel = readChannel(item, reader: &reader) else { continue }
                if !ids.insert(channel.id).inserted {
                    reader.report(ChannelProblem.duplicateID(id: channel.id), at: item)
                    continue
                }
                result.channels.append(channel)
            }
        }
        warnIfFileDateIsStale(result, at: fileChecked, reader: &reader)
        result.checked = Self.oldestCheck(of: result)
        return (reader.diagnostics.hasErrors ? nil : result, reader.diagnostics)
    }

    private func readChannel(_ node: Node, reader: inout YAMLReader) -> ReportingChannel? {
        guard let fields = reader.mapping(node, allowed: Self.channelKeys, what: "a channel") else { return nil }
        let before = reader.diagnostics.errors.count
        var text: [String: LocalizedText] = [:]
        var strings: [String: String] = [:]
        var channel = ReportingChannel(id: "", situations: [], isEmergency: false, name: LocalizedText(values: [:]),
                                       purpose: LocalizedText(values: [:]), audience: LocalizedText(values: [:]))
        var checkedNode: Node?
        for (key, _, value) in fields {
            switch key {
            case "id", "phone", "shortCode", "form", "website", "source":
                // Full-width digits and hyphens, as Japanese keyboards type them, read as ASCII.
                strings[key] = reader.string(value, key: key).map { key == "phone" || key == "shortCode" ? $0.precomposedStringWithCompatibilityMapping : $0 }
                if let string = strings[key] { check(key, string, at: value, reader: &reader) }
            case "situations":
                let situations = reader.stringList(value, key: key) ?? []
                for situation in situations where !ReportingChannel.situations.contains(situation) {
                    let known = ReportingChannel.situations.joined(separator: ", ")
                    reader.report(ChannelProblem.unknownSituation(situation: situation, known: known), at: value)
                }
                channel.situations = situations
            case "emergency": channel.isEmergency = reader.bool(value, key: key) ?? false
            case "anonymous": channel.anonymous = reader.bool(value, key: key)
            case "checked":
                channel.checked = reader.date(value, key: key)
                checkedNode = value
            default:
                text[key] = localized(value, key: key, reader: &reader)
            }
        }
        for key in ["id"] + Self.requiredText where !fields.contains(where: { $0.key == key }) {
            reader.report(ChannelProblem.missingField(key: key), at: node)
        }
        let hasContact = ["phone", "shortCode", "form", "website"].contains { strings[$0] != nil }
        if !hasContact && !channel.isEmergency && text["note"] == nil {
            reader.report(ChannelProblem.noContact(id: strings["id"] ?? "?"), at: node)
        }
        if strings["shortCode"] != nil && text["howToCall"] == nil {
            reader.report(ChannelProblem.shortCodeWithoutHowToCall, at: node)
        }
        guard reader.diagnostics.errors.count == before else { return nil }
        channel.id = strings["id"] ?? ""
        channel.name = text["name"]!
        channel.purpose = text["purpose"]!
        channel.audience = text["audience"]!
        channel.phone = strings["phone"]
        channel.shortCode = strings["shortCode"]
        channel.howToCall = text["howToCall"]
        channel.form = strings["form"]
        channel.website = strings["website"]
        channel.languages = text["languages"]
        channel.hours = text["hours"]
        channel.note = text["note"]
        channel.source = strings["source"]
        if let checkedNode { warnIfStale(channel, at: checkedNode, reader: &reader) }
        return channel
    }

    private func check(_ key: String, _ value: String, at node: Node, reader: inout YAMLReader) {
        switch key {
        case "id":
            if !value.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) || value.isEmpty {
                reader.report(ChannelProblem.invalidID(id: value), at: node)
            }
        case "phone":
            if !ChannelValueRules.isDialable(value) {
                reader.report(ChannelProblem.phone, at: node)
            }
        case "shortCode":
            if !ChannelValueRules.isShortCode(value) {
                reader.report(ChannelProblem.shortCode, at: node)
            }
        case "form", "website", "source":
            if !ChannelValueRules.isWebAddress(value) {
                reader.report(ChannelProblem.notWebAddress(key: key), at: node)
            }
        default:
            break
        }
    }

    /// A mapping with one text for each site language (or for some of them, as the policy allows).
    private func localized(_ node: Node, key: String, reader: inout YAMLReader) -> LocalizedText? {
        let codes = Set(languages.map(\.code))
        if case .scalar = node, node.null == nil {
            reader.report(ChannelProblem.oneTextForAll(key: key, languages: languages.map(\.code)), at: node)
            return nil
        }
        guard let pairs = reader.mapping(node, allowed: codes, what: "\"\(key)\" (one text per language)") else { return nil }
        var values: [String: String] = [:]
        for (code, _, value) in pairs {
            values[code] = reader.string(value, key: "\(key).\(code)")
        }
        if values.isEmpty {
            reader.report(YAMLProblem.noTextAtAll(key: key), at: node)
            return nil
        }
        guard missingTranslation == .fail else { return LocalizedText(values: values) }
        for language in languages where values[language.code] == nil {
            reader.report(YAMLProblem.missingLanguage(key: key, language: language.code), at: node)
        }
        return values.count == languages.count ? LocalizedText(values: values) : nil
    }
}
