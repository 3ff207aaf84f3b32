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
                    reader.report(BrandProblem.logoOutside, at: value)
                } else if !Self.imageExtensions.contains(ext) {
                    reader.report(BrandProblem.logoNotImage(extensions: Self.imageExtensions.sorted().joined(separator: ", ")), at: value)
                } else {
                    brand.logo = path
                    brand.logoLocation = reader.location(of: value)
                }
            case "primaryColor":
                guard let color = reader.string(value, key: "brand.primaryColor") else { continue }
                guard ColorContrast.rgb(color) != nil else {
                    reader.report(BrandProblem.invalidColor, at: value)
                    continue
                }
                if let failure = ColorContrast.failure(of: color.lowercased()) {
                    reader.report(BrandProblem.lowContrast(color: color, ratio: ColorContrast.format(failure.ratio),
                                                           against: failure.against, background: failure.background), at: value)
                    continue
                }
                brand.primaryColor = color.lowercased()
            default:
                break
            }
        }
        if brand.logo != nil && brand.name == nil {
            reader.report(BrandProblem.logoWithoutName, at: node)
        }
        return brand
    }

    /// One text for every language, or a mapping with one text per language code; a language without
    /// its own takes the text of the nearest language of its fallback chain (an organisation's name and
    /// contact are the same in any language it has not translated them into).
    private func text(_ node: Node, key: String, reader: inout YAMLReader) -> LocalizedText? {
        if case .scalar = node {
            guard let value = reader.string(node, key: key) else { return nil }
            return LocalizedText(values: Dictionary(uniqueKeysWithValues: languages.map { ($0.code, value) }))
        }
        guard let pairs = reader.mapping(node, allowed: Set(languages.map(\.code)), what: "\"\(key)\" (one text, or one per language)") else { return nil }
        var values: [String: String] = [:]
        for (code, _, value) in pairs { values[code] = reader.string(value, key: "\(key).\(code)") }
        guard !values.isEmpty else {
            reader.report(YAMLProblem.noTextAtAll(key: key), at: node)
            return nil
        }
        let given = LocalizedText(values: values)
        for language in languages where values[language.code] == nil {
            values[language.code] = given.text(for: language, chain: languages.fallbackChain(for: language) + languages)?.text
        }
        return LocalizedText(values: values)
    }
}
