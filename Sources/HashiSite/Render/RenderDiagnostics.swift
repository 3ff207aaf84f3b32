import HashiSupport

/// Every problem the Render stage reports, with its code and words in one place: templates that
/// would render as nothing or fail, and UI strings missing in a language.
package enum RenderProblem: DiagnosticProblem, Equatable {
    case templatesFolderMissing
    case duplicateTemplate(name: String, other: String)
    case syntax(message: String)
    case dynamicName(name: String)
    case unknownPartial(name: String)
    case unknownTransform(name: String)
    case unsupportedTransform(name: String)
    case unknownName(expression: String, known: String)
    case unknownUIString(expression: String)
    case missingLayout(name: String)
    case missingCredit(count: Int, language: String, first: String)
    case noUIStrings(language: String)
    case uiStringsNotMapping
    case uiStringMissing(key: String, owner: String)

    package var code: String {
        switch self {
        case .templatesFolderMissing: "template.folder-missing"
        case .duplicateTemplate: "template.duplicate-name"
        case .syntax: "template.syntax"
        case .dynamicName: "template.dynamic-name"
        case .unknownPartial: "template.unknown-partial"
        case .unknownTransform: "template.unknown-transform"
        case .unsupportedTransform: "template.unsupported-transform"
        case .unknownName: "template.unknown-name"
        case .unknownUIString: "template.unknown-ui-string"
        case .missingLayout: "template.missing-layout"
        case .missingCredit: "template.missing-credit"
        case .noUIStrings: "strings.missing-language"
        case .uiStringsNotMapping: "strings.not-mapping"
        case .uiStringMissing: "strings.missing-key"
        }
    }

    package var severity: Diagnostic.Severity {
        switch self {
        case .noUIStrings, .uiStringMissing: .warning
        default: .error
        }
    }

    package var message: String {
        switch self {
        case .templatesFolderMissing: "templates folder not found"
        case let .duplicateTemplate(name, other): "template \"\(name)\" is also defined by \(other): templates are named by file name alone"
        case .syntax(let message): "template syntax: " + message
        case .dynamicName(let name): "dynamic names such as \"\(name)\" are not supported: name the partial itself"
        case .unknownPartial(let name): "unknown partial \"\(name)\""
        case .unknownTransform(let name): "unknown transform \"\(name)\""
        case .unsupportedTransform(let name): "transform \"\(name)\" is not supported: hashi shows a value as it is"
        case let .unknownName(expression, known): "unknown name \"\(expression)\" (a template can use: \(known))"
        case .unknownUIString(let expression): "unknown UI string \"\(expression)\": add it to every i18n/<lang>.yaml"
        case .missingLayout(let name): "layout \"\(name)\" not found: add layouts/\(name).mustache to the templates"
        case let .missingCredit(count, language, first):
            "\(count) page(s) of \"\(language)\" (first: \(first)) do not show the credit line of site.yaml's "
                + "\"footer\": keep {{footer}} in the footer partial"
        case .noUIStrings(let language):
            "no UI strings for language \"\(language)\": add i18n/\(language).yaml; those of its fallback languages are used"
        case .uiStringsNotMapping: "UI strings must be a mapping of keys to text"
        case let .uiStringMissing(key, owner): "UI string \"\(key)\" is missing (it is defined for \(owner)); using \(owner)'s"
        }
    }

    package static let samples: [RenderProblem] = [
        .templatesFolderMissing, .duplicateTemplate(name: "page", other: "Templates/layouts/page.mustache"),
        .syntax(message: "unclosed section"), .dynamicName(name: "*x"), .unknownPartial(name: "x"), .unknownTransform(name: "x"),
        .unsupportedTransform(name: "uppercased"), .unknownName(expression: "x", known: "title"), .unknownUIString(expression: "t.x"),
        .missingLayout(name: "page"), .missingCredit(count: 1, language: "ja", first: "ja/index.html"), .noUIStrings(language: "ja"),
        .uiStringsNotMapping, .uiStringMissing(key: "k", owner: "ja"),
    ]
}

/// Why the parser cannot read a template: the words after "template syntax: " (`template.syntax`).
enum TemplateSyntax: Equatable {
    case closedButNeverOpened(name: String)
    case closedByAnother(open: String, name: String)
    case unclosedTag(closing: String)
    case pragma
    case badDelimiters
    case dynamicName(name: String)
    case transform(expression: String)
    case noName
    case spaceInName
    case sectionNeverClosed(name: String)

    var message: String {
        switch self {
        case .closedButNeverOpened(let name): "\"\(name)\" is closed but was never opened"
        case let .closedByAnother(open, name): "section \"\(open)\" is closed by \"\(name)\""
        case .unclosedTag(let closing): "a tag is not closed with " + closing
        case .pragma: "pragmas ({{%...}}) are not supported"
        case .badDelimiters: "a delimiter change needs two delimiters apart by a space, as in {{=<% %>=}}"
        case .dynamicName(let name): "dynamic names such as \"\(name)\" are not supported: name the partial itself"
        case .transform(let expression): "transforms such as \"\(expression)\" are not supported: hashi shows a value as it is"
        case .noName: "a tag has no name"
        case .spaceInName: "a name cannot hold a space"
        case .sectionNeverClosed(let name): "section \"\(name)\" is never closed"
        }
    }
}
