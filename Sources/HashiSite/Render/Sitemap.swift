import Foundation
import HashiContent
import HashiSupport

/// `sitemap.xml` with each page's language alternates, and `robots.txt` pointing to it.
///
/// Addresses are absolute when the site's base URL is known; without one they are relative to
/// the site's root, which search engines ignore but link checkers and people can follow.
package struct Sitemap {
    let site: Site

    package init(site: Site) {
        self.site = site
    }

    package static let path = GeneratedOutputs.sitemapPath
    package static let robotsPath = GeneratedOutputs.robotsPath

    package var xml: String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in site.pages where !page.isFallback {
            out += "<url><loc>\(HTMLEscaping.text(address(page.url)))</loc>"
            if let date = page.source.frontMatter.date { out += "<lastmod>\(date)</lastmod>" }
            let translations = site.languages.compactMap { language in
                site.translation(of: page, in: language).flatMap { $0.isFallback ? nil : (language, $0) }
            }
            if translations.count > 1 {
                for (language, translation) in translations {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"\(language.code)\" href=\"\(HTMLEscaping.attribute(address(translation.url)))\"/>"
                }
            }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// A hash of everything `xml` and `robots` are made from: the base URL, the languages, and each
    /// page's URL, language, translation key and date, which decide its alternates.
    package var key: UInt64 {
        var hasher = StableHasher()
        hasher.combine("sitemap 1")
        hasher.combine(site.config.baseURL ?? "\u{0}")
        hasher.combine(site.languages.map(\.code).joined(separator: " "))
        hasher.combine(site.pages.count)
        for page in site.pages {
            hasher.combine(page.url)
            hasher.combine(page.language.code)
            hasher.combine(page.translationKey)
            hasher.combine(page.isFallback)
            hasher.combine(page.source.frontMatter.date?.description ?? "\u{0}")
        }
        return hasher.finalize()
    }

    /// Only with a base URL at a host's root (`https://ngo.example/`): a sitemap line must be absolute,
    /// and crawlers read robots.txt at the root only, never under a sub-path.
    package var robots: String? {
        guard let base = site.config.baseURL, Self.isHostRoot(base) else { return nil }
        return "User-agent: *\nAllow: /\nSitemap: \(address(Self.path))\n"
    }

    static func isHostRoot(_ baseURL: String) -> Bool {
        guard let url = URL(string: baseURL) else { return false }
        return url.path.isEmpty || url.path == "/"
    }

    private func address(_ path: String) -> String {
        guard let base = site.config.baseURL else { return URLPath.encode(path) }
        return (base.hasSuffix("/") ? base : base + "/") + URLPath.encode(path)
    }
}
