import HashiSupport

extension ReportingChannels {
    /// The channels with `overlay`'s laid over them by `id`: a replaced channel keeps its place,
    /// new ones follow in the overlay's order. The checked date is the older of the two,
    /// so the list never claims to be fresher than its least recently checked part.
    func overlaid(with overlay: ReportingChannels) -> ReportingChannels {
        let replacements = Dictionary(overlay.channels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ownIDs = Set(channels.map(\.id))
        var merged = channels.map { replacements[$0.id] ?? $0 }
        merged += overlay.channels.filter { !ownIDs.contains($0.id) }
        let dates = [checked, overlay.checked].compactMap { $0 }
        return ReportingChannels(checked: dates.min(), channels: merged)
    }
}
