import Yams
import HashiSupport

/// A phone number that changed since it was last checked reaches nobody, so an old check is reported
/// before a visitor calls it: a warning at the `checked:` that is more than 12 months before the build.
extension ReportingChannelsLoader {
    /// True when `checked` is more than 12 months before `today` (the same day a year earlier is still fresh).
    static func isStale(_ checked: SimpleDate, today: SimpleDate) -> Bool {
        (checked.year, checked.month, checked.day) < (today.year - 1, today.month, today.day)
    }

    func warnIfStale(_ channel: ReportingChannel, at node: Node, reader: inout YAMLReader) {
        guard let checked = channel.checked, Self.isStale(checked, today: today) else { return }
        let source = channel.source.map { " at \($0)" } ?? ""
        reader.report(ChannelProblem.stale(id: channel.id, checked: "\(checked)", today: "\(today)", source: source), at: node)
    }

    /// The file's `checked:` stands for every channel without a date of its own.
    func warnIfFileDateIsStale(_ data: ReportingChannels, at node: Node?, reader: inout YAMLReader) {
        guard let node, let checked = data.checked, Self.isStale(checked, today: today) else { return }
        let undated = data.channels.filter { $0.checked == nil }.map { "\"\($0.id)\"" }
        guard !undated.isEmpty else { return }
        reader.report(ChannelProblem.staleFileDate(ids: undated.joined(separator: ", "), checked: "\(checked)", today: "\(today)"),
                      at: node)
    }

    /// The date the list as a whole can claim: the oldest check of any channel, a channel without
    /// its own date counting as checked on the file's date.
    static func oldestCheck(of data: ReportingChannels) -> SimpleDate? {
        data.channels.compactMap { $0.checked ?? data.checked }.min() ?? data.checked
    }
}
