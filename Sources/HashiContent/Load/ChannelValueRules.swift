import HashiSupport

/// What a reporting channel's number or address must look like before a visitor is sent to it:
/// a number a phone dials as written, and a web address a browser reads as the host it shows.
enum ChannelValueRules {
    /// Digits in groups joined by one hyphen or space, with at most a leading `+`: 3 digits (110)
    /// to 15 (the longest international number).
    static func isDialable(_ value: String) -> Bool {
        var digits = 0
        var previousWasDigit = false
        for (index, character) in value.enumerated() {
            switch character {
            case "0"..."9":
                digits += 1
                previousWasDigit = true
            case "+" where index == 0:
                previousWasDigit = false
            case "-" where previousWasDigit, " " where previousWasDigit:
                previousWasDigit = false
            default:
                return false
            }
        }
        return previousWasDigit && (3...15).contains(digits)
    }

    /// `#` or `*` and 2 to 8 digits (#8891, #9110).
    static func isShortCode(_ value: String) -> Bool {
        guard let first = value.first, first == "#" || first == "*" else { return false }
        let rest = value.dropFirst()
        return (2...8).contains(rest.count) && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `https://`, a host of dot-separated labels (letters, digits, hyphens; not at a label's ends)
    /// with an optional port, then anything but whitespace, controls and direction marks.
    static func isWebAddress(_ value: String) -> Bool {
        guard value.hasPrefix("https://"), !value.unicodeScalars.contains(where: isInvisible) else { return false }
        let rest = value.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = Substring(authority)
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            host = authority[..<colon]
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// Whitespace, controls, and the marks that change the direction of text (a link that shows one
    /// address and leads to another).
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x20, 0x7F...0xA0, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return scalar.properties.isWhitespace
        }
    }
}
