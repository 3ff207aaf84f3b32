/// Gives headings the ids GitHub gives them, so a link written for GitHub's preview works on the site.
///
/// Lowercase; drop everything but letters, marks, numbers, `_`, `-` and spaces; spaces become
/// hyphens; a repeated id gets `-1`, `-2`, … Letters of every script stay (`家具の固定`).
struct HeadingSlugger {
    private var seen: [String: Int] = [:]

    mutating func id(for text: String) -> String {
        let slug = Self.slug(text)
        let original = slug.isEmpty ? "section" : slug
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
            if scalar.isASCII {
                // The same rule without a Unicode property lookup: most headings are mostly ASCII.
                switch scalar {
                case "a"..."z", "0"..."9", "_", "-": result.append(scalar)
                case " ": result.append("-")
                default: break
                }
                continue
            }
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
