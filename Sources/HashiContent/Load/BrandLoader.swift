import Yams
import HashiSupport

/// Reads the `brand:` mapping of a `site.yaml`: unknown keys, a colour that fails WCAG AA contrast,
/// or a logo without a name to use as its text are errors at their line.
struct BrandLoader {
    static let keys: Set<String> = ["name", "logo", "primaryColor", "contact", "license", "showName"]
    static let imageExtensions: Set<String> = ["svg", "png", "jpg", "jpeg", "gif", "webp", "avif"]

    let languages: [Language]

    func load(_ node: Node, reader: inout YAMLReader) -> Brand? {
        guard let pairs = reader.mapping(node, allowed: Self.keys, what: "brand") else { return nil }
        var brand = Brand()
        for (key, _, value) in pairs {
            switch key {
            case "name": brand.name = text(value, key: "brand.name", reader: &reader)
            case "contact": brand.contact = text(value, key: "brand.contact", reader: &reader)
            case "license": brand.license = text(value, key: "brand.license", reader: &reader)
            case "showName": brand.showsName = reader.bool(value, key: "brand.showName") ?? true
            case "logo":
                guard let path = reader.string(value, key: "brand.logo") else { continue }
                let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
                if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                    reader.error("\"brand.logo\" must be a path inside the folder of site.yaml or a theme's assets/, like assets/logo.svg", at: value)
                } else if !Self.imageExtensions.contains(ext) {
                    reader.error("\"brand.logo\" must be an image (\(Self.imageExtensions.sorted().joined(separator: ", ")))", at: value)
                } else {
                    brand.logo = path
                    brand.logoLocation = reader.location(of: value)
                }
            case "primaryColor":
                guard let color = reader.string(value, key: "brand.primaryColor") else { continue }
                guard ColorContrast.rgb(color) != nil else {
                    reader.error("\"brand.primaryColor\" must be a colour written #rrggbb, like #1d4f91", at: value)
                    continue
                }
                if let failure = ColorContrast.failure(of: color.lowercased()) {
                    reader.error("\"brand.primaryColor\" \(color) has a contrast of only \(ColorContrast.format(failure.ratio)):1 against "
                                 + "\(failure.against) \(failure.background); links and buttons need 4.5:1 (WCAG AA): choose a darker colour",
                                 at: value)
                    continue
                }
                brand.primaryColor = color.lowercased()
            default:
                break
            }
        }
        if brand.logo != nil && brand.name == nil {
            reader.error("a brand with a \"logo\" needs a \"name\": it is the logo's text for people who cannot see it", at: node)
        }
        return brand
    }

    /// One text for every language, or a mapping with one text per language code.
    private func text(_ node: Node, key: String, reader: inout YAMLReader) -> LocalizedText? {
        if case .scalar = node {
            guard let value = reader.string(node, key: key) else { return nil }
            return LocalizedText(values: Dictionary(uniqueKeysWithValues: languages.map { ($0.code, value) }))
        }
        guard let pairs = reader.mapping(node, allowed: Set(languages.map(\.code)), what: "\"\(key)\" (one text, or one per language)") else { return nil }
        var values: [String: String] = [:]
        for (code, _, value) in pairs { values[code] = reader.string(value, key: "\(key).\(code)") }
        for language in languages where values[language.code] == nil {
            reader.error("\"\(key)\" has no text in \"\(language.code)\"", at: node)
        }
        return values.count == languages.count ? LocalizedText(values: values) : nil
    }
}
