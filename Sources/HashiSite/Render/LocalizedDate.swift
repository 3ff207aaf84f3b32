import Foundation
import HashiContent
import HashiSupport

/// Dates as each language writes them (2026年3月11日, March 11, 2026), from the locale data the toolchain ships.
enum LocalizedDate {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var formatters: [String: DateFormatter] = [:]  // only under `lock`
    nonisolated(unsafe) private static var formatted: [Key: String] = [:]  // only under `lock`

    private struct Key: Hashable {
        let language: String
        let date: SimpleDate
    }

    /// Formatting is cached: a site has few distinct dates, and making a formatter is slow.
    static func format(_ date: SimpleDate, language: Language) -> String {
        let key = Key(language: language.code, date: date)
        return lock.withLock {
            if let done = formatted[key] { return done }
            let formatter = formatters[language.code] ?? makeFormatter(language)
            if formatters[language.code] == nil { formatters[language.code] = formatter }
            var calendar = formatter.calendar!
            calendar.timeZone = formatter.timeZone
            let value = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            let text = value.map(formatter.string(from:)) ?? date.description
            formatted[key] = text
            return text
        }
    }

    private static func makeFormatter(_ language: Language) -> DateFormatter {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: language.code)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter
    }
}
