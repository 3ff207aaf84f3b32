import Foundation
import HashiSupport

/// A calendar date without time zone, so the same front matter gives the same output everywhere.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(parsing text: String) {
        if let quick = Self.quick(text) {
            self = quick
            return
        }
        let trimmed = Substring(text).drop { $0 == " " }
        let datePart = trimmed.prefix(10)
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard datePart.count == 10, parts.count == 3,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[0].count == 4, (1...12).contains(month), (1...SimpleDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        let rest = trimmed.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == " " else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date written `2016-07-28` and nothing else, as nearly every page writes it, read from its
    /// bytes; nil for any other text (even a valid date), which `init(parsing:)` reads by the rule.
    static func quick(_ text: String) -> SimpleDate? {
        var text = text
        return text.withUTF8 { bytes -> SimpleDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var digits: [Int] = []
            for index in [0, 1, 2, 3, 5, 6, 8, 9] {
                guard (0x30...0x39).contains(bytes[index]) else { return nil }
                digits.append(Int(bytes[index] - 0x30))
            }
            let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
            let month = digits[4] * 10 + digits[5]
            let day = digits[6] * 10 + digits[7]
            guard (1...12).contains(month), (1...SimpleDate.days(inMonth: month, year: year)).contains(day) else { return nil }
            return SimpleDate(year: year, month: month, day: day)
        }
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601, as used in `<time datetime>` and sitemaps: a date of the years 0 to 9999 written
    /// digit by digit into its ten bytes (every page's date goes in its context and its key), any
    /// other as `paddedDescription` writes it, which it is tested against.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return paddedDescription }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            for (index, digit) in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10, -1, month / 10, month % 10, -1, day / 10, day % 10].enumerated() {
                bytes[index] = digit < 0 ? UInt8(ascii: "-") : 0x30 + UInt8(digit)
            }
            return 10
        }
    }

    /// The plain form of `description`: each part padded with zeros to its width.
    var paddedDescription: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}


extension SimpleDate {
    /// The build date: the UTC day of `SOURCE_DATE_EPOCH` when it is set (so a build or a test can be
    /// pinned to a day), else today in UTC.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> SimpleDate {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Double($0) } ?? now.timeIntervalSince1970
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
        return SimpleDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
