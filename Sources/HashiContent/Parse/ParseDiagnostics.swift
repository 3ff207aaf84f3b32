import HashiSupport

/// Every problem the Parse stage reports, with its code and words in one place: what would make
/// a page ask another site for something, or an image run code.
package enum ParseProblem: DiagnosticProblem, Equatable {
    case templateLoadsExternal(attribute: String)
    case templateLinksExternal
    case stylesheetLoadsExternal
    case rawHTMLLoadsExternal(attribute: String, url: String)
    case fileLoadsExternal(attribute: String, url: String)
    case scriptInSVG

    package var code: String {
        switch self {
        case .templateLoadsExternal: "external.template-load"
        case .templateLinksExternal: "external.template-link"
        case .stylesheetLoadsExternal: "external.stylesheet"
        case .rawHTMLLoadsExternal: "external.raw-html"
        case .fileLoadsExternal: "external.copied-file"
        case .scriptInSVG: "svg.script"
        }
    }

    package var severity: Diagnostic.Severity { .error }

    package var message: String {
        switch self {
        case .templateLoadsExternal(let attribute):
            "template loads something from another site (\(attribute)): the site requests nothing from outside itself"
        case .templateLinksExternal:
            "template links a stylesheet or other resource from another site: the site requests nothing from outside itself"
        case .stylesheetLoadsExternal: "stylesheet loads something from another site: the site requests nothing from outside itself"
        case let .rawHTMLLoadsExternal(attribute, url):
            "raw HTML loads something from another site (\(attribute) \"\(url)\"): "
                + "the site requests nothing from outside itself; save the file beside the page"
        case let .fileLoadsExternal(attribute, url):
            "this file loads something from another site (\(attribute) \"\(url)\"): the site requests "
                + "nothing from outside itself; save that file in the content too"
        case .scriptInSVG:
            "this SVG image carries a script (a <script> element, an on… attribute or a javascript: link): "
                + "remove it; an image on the site must not run code"
        }
    }

    package static let samples: [ParseProblem] = [
        .templateLoadsExternal(attribute: "src"), .templateLinksExternal, .stylesheetLoadsExternal,
        .rawHTMLLoadsExternal(attribute: "src", url: "https://example.org/a.png"),
        .fileLoadsExternal(attribute: "src", url: "https://example.org/a.png"), .scriptInSVG,
    ]
}
