import HashiSupport

/// Gives headings the ids GitHub gives them, so a link written for GitHub's preview works on the site.
///
/// Lowercase; drop everything but letters, marks, numbers, `_`, `-` and spaces; spaces become
/// hyphens; a repeated id gets `-1`, `-2`, … Letters of every script stay (`家具の固定`).
struct HeadingSlugger {
    /// Each id given, with how many times a heading asked for it again (0 for an id with a suffix).
    private var seen: [String: Int] = [:]

    /// - Parameter capacity: how many headings there are, so the table is made once.
    init(capacity: Int = 0) {
        seen.reserveCapacity(capacity)
    }

    mutating func id(for text: String) -> String {
        let slug = Self.slug(text)
        let original = slug.isEmpty ? "section" : slug
        if take(original) { return original }
        var count = seen[original, default: 0]
        var candidate: String
        repeat {
            count += 1
            candidate = "\(original)-\(count)"
        } while !take(candidate)
        seen[original] = count
        return candidate
    }

    /// Marks `id` given; false when it already was. One lookup of the table: hashing a Japanese
    /// id is most of the cost of a heading.
    private mutating func take(_ id: String) -> Bool {
        Self.markTaken(&seen[id, default: -1])
    }

    private static func markTaken(_ count: inout Int) -> Bool {
        guard count == -1 else { return false }
        count = 0
        return true
    }

    static func slug(_ text: String) -> String {
        quickSlug(text) ?? unicodeSlug(text)
    }

    /// The slug of a heading made of ASCII, kana, common kanji and the punctuation of Japanese
    /// text, whose case and category are known without a Unicode lookup; nil for any other heading.
    /// `unicodeSlug` took about 18,000 instructions for a short Japanese heading.
    static func quickSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D:
                    slug.append(byte)
                case 0x41...0x5A:
                    slug.append(byte + 0x20)
                case 0x20:
                    slug.append(UInt8(ascii: "-"))
                case 0...0x7F:
                    break
                default:
                    let (value, length) = bytes.scalar(at: index)
                    switch value {
                    case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF:
                        // Letters without case (Lo, and Lm for ー): kept as they are.
                        slug.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                    case 0x3001...0x3002, 0x300C...0x300F, 0x30FB, 0xFF08...0xFF09:
                        // 、。「」『』・（）: punctuation, dropped.
                        break
                    default:
                        return nil
                    }
                    index += length
                    continue
                }
                index += 1
            }
            return UTF8Text.string(slug)
        }
    }

    static func unicodeSlug(_ text: String) -> String {
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
