import HashiContent
import HashiSupport

/// The text search reads for each page: its own, and for a page that lists the reporting channels
/// (`layout: channels`) also the channels' texts in its language, so that a channel's name,
/// organisation or number, an overlay's hotline included, finds the page that shows it.
package struct PageSearchText: Sendable {
    static let channelsLayout = "channels"

    let documents: DocumentStore
    /// The channels' text in each language, by language code; empty without channels.
    private let channelText: [String: String]

    package init(site: Site, documents: DocumentStore) {
        self.documents = documents
        var texts: [String: String] = [:]
        if let channels = site.channels {
            for language in site.languages { texts[language.code] = Self.text(of: channels, in: language) }
        }
        channelText = texts
    }

    /// The page's plain text, then the channels' if it lists them.
    func text(of page: Page) -> String {
        let own = documents.text(of: page.sourceIndex)
        guard let extra = extraText(of: page) else { return own }
        return own.isEmpty ? extra : own + "\n" + extra
    }

    /// Everything of a page that its postings and text come from, for the index kept between builds.
    func key(of page: Page) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(page.url)
        hasher.combine(page.title)
        hasher.combine(page.document.key)
        if let extra = extraText(of: page) { hasher.combine(extra) }
        return hasher.finalize()
    }

    private func extraText(of page: Page) -> String? {
        guard page.source.frontMatter.layout == Self.channelsLayout else { return nil }
        return channelText[page.language.code]
    }

    /// One block a line: each channel's name, purpose, audience, numbers, hours, languages and note.
    /// A phone number is also given as digits alone, so `0120924839` finds `0120-924-839`.
    static func text(of channels: ReportingChannels, in language: Language) -> String {
        var lines: [String] = []
        for channel in channels.channels {
            lines += [channel.name, channel.purpose, channel.audience].map { $0.text(for: language) }
            if let phone = channel.phone {
                lines.append(phone)
                let digits = phone.filter { $0.isASCII && $0.isNumber }
                if digits != phone { lines.append(digits) }
            }
            if let shortCode = channel.shortCode { lines.append(shortCode) }
            for text in [channel.howToCall, channel.hours, channel.languages, channel.note] {
                if let text { lines.append(text.text(for: language)) }
            }
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
