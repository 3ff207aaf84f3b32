import Foundation
import HashiSupport

/// WCAG 2 contrast ratios of `#rrggbb` colours.
enum ColorContrast {
    /// The backgrounds of the default theme that text in the primary colour sits on, and the white text
    /// of buttons filled with it.
    static let backgrounds: [(name: String, color: String)] = [
        ("the background (and white button text)", "#ffffff"),
        ("the surface", "#f3f2f1"),
    ]
    /// WCAG 2.2 AA for normal text (1.4.3).
    static let minimum = 4.5

    /// `#1d4f91` → (29, 79, 145); nil unless the text is `#` and six hex digits.
    static func rgb(_ text: String) -> (Double, Double, Double)? {
        guard text.count == 7, text.hasPrefix("#"), let value = UInt32(text.dropFirst(), radix: 16),
              text.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
        return (Double(value >> 16 & 0xff), Double(value >> 8 & 0xff), Double(value & 0xff))
    }

    static func luminance(_ text: String) -> Double? {
        guard let (r, g, b) = rgb(text) else { return nil }
        func channel(_ value: Double) -> Double {
            let c = value / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    static func ratio(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The lowest ratio of `color` against the theme's backgrounds, when it is under AA; nil when it passes.
    static func failure(of color: String) -> (ratio: Double, against: String, background: String)? {
        let worst = backgrounds.compactMap { background in ratio(color, background.color).map { ($0, background.name, background.color) } }
            .min { $0.0 < $1.0 }
        guard let worst, worst.0 < minimum else { return nil }
        return worst
    }

    /// 4.4876 → "4.48": rounded down, so a colour just under the line never reads as 4.5.
    static func format(_ ratio: Double) -> String {
        String(format: "%.2f", (ratio * 100).rounded(.down) / 100)
    }
}
