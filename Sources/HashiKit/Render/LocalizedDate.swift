import Foundation

/// Dates as each language writes them (2026年3月11日, March 11, 2026), from the locale data the toolchain ships.
enum LocalizedDate {
    static func format(_ date: SimpleDate, language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let value = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else {
            return date.description
        }
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: language.code)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter.string(from: value)
    }
}
