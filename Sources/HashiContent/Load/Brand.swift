import HashiSupport

/// An organisation's own name, logo, colour, contact and license, from the `brand:` of a `site.yaml`;
/// each text is given once for every language or once per language.
public struct Brand: Sendable {
    public var name: LocalizedText?
    /// The logo as written in `site.yaml`: a path under the folder of that `site.yaml`, or a theme asset (`assets/logo.svg`).
    public var logo: String?
    /// `#rrggbb`, lowercase; checked for WCAG AA contrast against the theme's backgrounds.
    public var primaryColor: String?
    public var contact: LocalizedText?
    /// The license of the organisation's own additions (the article's credit stays in each language's `footer`).
    public var license: LocalizedText?
    /// Whether the header shows the name beside the logo (`showName: false` when the logo spells it).
    public var showsName = true
    /// The folder whose `site.yaml` set the brand, where the logo is looked for first.
    public var folder: String = ""
    /// Where the logo was named, for diagnostics about the file.
    public var logoLocation = SourceLocation(file: "site.yaml")
    /// Where the logo is in the output (`assets/brand/logo.svg`), once the build has found it.
    public var logoOutputPath: String?

    public init() {}

    /// The stylesheet hashi writes when a colour is set, linked after `site.css`.
    public static let stylesheetPath = "assets/brand.css"

    /// The custom properties of the default theme that the brand colour replaces.
    public var stylesheet: String? {
        primaryColor.map { color in
            "/* Written by hashi from brand.primaryColor in site.yaml. */\n:root { --color-primary: \(color); --color-link: \(color); }\n"
        }
    }
}
