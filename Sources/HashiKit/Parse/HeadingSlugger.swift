/// Gives headings the ids GitHub gives them, so a link written for GitHub's preview works on the site.
///
/// Lowercase; drop everything but letters, marks, numbers, `_`, `-` and spaces; spaces become
/// hyphens; a repeated id gets `-1`, `-2`, … Letters of every script stay (`家具の固定`).
struct HeadingSlugger {
    private var seen: [String: Int] = [:]

    mutating func id(for text: String) -> String {
        let original = Self.slug(text).isEmpty ? "section" : Self.slug(text)
        var candidate = original
        while seen[candidate] != nil {
            let count = seen[original, default: 0] + 1
            seen[original] = count
            candidate = "\(original)-\(count)"
        }
        seen[candidate] = 0
        return candidate
    }

    static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                result.append(scalar)
            default:
                if scalar == " " { result.append("-") } else if scalar == "-" { result.append(scalar) }
            }
        }
        return String(result)
    }
}
