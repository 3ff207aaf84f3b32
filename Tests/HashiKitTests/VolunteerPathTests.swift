import Foundation
import XCTest
@testable import HashiKit

/// What an NGO's volunteer meets following docs/REUSE.md: what the site shows and writes.
final class VolunteerPathTests: XCTestCase {
    func site(brand: String = "", files: [String: String] = [:]) throws -> TemporaryFolder {
        try TemporaryFolder([
            "Content/site.yaml": """
            languages:
              - code: ja
                name: 日本語
                title: テストサイト
                footer: 本文は元記事に基づき CC BY-SA 4.0 で公開しています。
              - code: en
                name: English
                title: Test Site
                footer: The text is derived from the article and published under CC BY-SA 4.0.
            \(brand)
            """,
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
        ].merging(files) { $1 })
    }

    func build(_ folder: TemporaryFolder, baseURL: String? = nil, overlay: String? = nil) -> BuildResult {
        var options = BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [Repository.templates],
                                   outputDirectory: folder.path + "/Output", baseURL: baseURL)
        options.overlayDirectory = overlay
        return Build(options: options).run()
    }

    func testTheLanguageChooserShowsTheBrandContactCreditAndLicence() throws {
        let folder = try site(brand: """
        brand:
          name: {ja: テスト団体, en: Test NGO}
          contact: {ja: "連絡先: info@test-ngo.org", en: "Contact: info@test-ngo.org"}
          license: {ja: 追加部分は CC BY 4.0, en: Our additions are CC BY 4.0}
        """)
        XCTAssertEqual(build(folder).diagnostics, [])
        let chooser = try XCTUnwrap(folder.read("Output/index.html"))
        for text in ["テスト団体", "本文は元記事に基づき CC BY-SA 4.0 で公開しています。", "The text is derived from the article and published under CC BY-SA 4.0.",
                     "連絡先: info@test-ngo.org", "Contact: info@test-ngo.org", "追加部分は CC BY 4.0", "Our additions are CC BY 4.0"] {
            XCTAssertTrue(chooser.contains(text), "the chooser shows \(text)")
        }
    }

    func testTheNameStandsBesideTheLogoUnlessTheBrandSaysNot() throws {
        let logo = ["Content/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"]
        let shown = try site(brand: "brand:\n  name: Test NGO\n  logo: logo.svg\n", files: logo)
        XCTAssertEqual(build(shown).diagnostics, [])
        let page = try XCTUnwrap(shown.read("Output/en/index.html"))
        XCTAssertTrue(page.contains("alt=\"\"> <span class=\"site-header__org site-header__org--beside\">Test NGO</span>"), page)
        let hidden = try site(brand: "brand:\n  name: Test NGO\n  logo: logo.svg\n  showName: false\n", files: logo)
        XCTAssertEqual(build(hidden).diagnostics, [])
        let logoOnly = try XCTUnwrap(hidden.read("Output/en/index.html"))
        XCTAssertTrue(logoOnly.contains("src=\"../assets/brand/logo.svg\" alt=\"Test NGO\">"), "the name is the logo's text")
        XCTAssertFalse(logoOnly.contains("site-header__org--beside"))
    }

    func testRobotsTxtOnlyAtAHostsRoot() throws {
        let folder = try site()
        XCTAssertTrue(build(folder, baseURL: "https://test-ngo.org/").succeeded)
        XCTAssertEqual(folder.read("Output/robots.txt"), "User-agent: *\nAllow: /\nSitemap: https://test-ngo.org/sitemap.xml\n")
        XCTAssertTrue(build(folder, baseURL: "https://test-ngo.org/campaign/").succeeded)
        XCTAssertFalse(folder.exists("Output/robots.txt"), "crawlers never read /campaign/robots.txt")
        XCTAssertTrue(folder.exists("Output/sitemap.xml"))
    }

    /// Every page names the theme's icon, so a browser never asks the parent site for /favicon.ico.
    func testEveryPageHasTheThemesFavicon() throws {
        let folder = try TemporaryFolder()
        let result = Build(options: BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                                 outputDirectory: folder.path + "/Output")).run()
        XCTAssertTrue(result.succeeded)
        XCTAssertTrue(folder.exists("Output/assets/favicon.svg"))
        let pages = folder.files(under: "Output").filter { $0.hasSuffix(".html") && !$0.contains("channels-embed") }
        XCTAssertGreaterThan(pages.count, 20)
        for page in pages {
            let html = try XCTUnwrap(folder.read("Output/" + page))
            let href = try XCTUnwrap(html.firstMatch(of: /<link rel="icon" href="([^"]+)"/)?.1, "\(page) names an icon")
            let resolved = URL(fileURLWithPath: folder.path + "/Output/" + page).deletingLastPathComponent().appendingPathComponent(String(href))
            XCTAssertTrue(FileManager.default.fileExists(atPath: resolved.standardized.path), "\(page): \(href)")
        }
    }

    /// With a base URL, a 404 page links to everything absolutely, so it works when the host shows it
    /// at any depth under the sub-path (docs/REUSE.md: without one, set baseURL for a host's 404).
    func testA404PageWithABaseURLWorksAtAnyDepth() throws {
        let folder = try site()
        XCTAssertTrue(build(folder, baseURL: "https://test-ngo.org/campaign/").succeeded)
        for page in ["Output/404.html", "Output/en/404.html"] {
            let html = try XCTUnwrap(folder.read(page))
            let links = html.matches(of: /(?:href|src)="([^"#]+)"/).map { String($0.1) }
            XCTAssertFalse(links.isEmpty)
            for link in links {
                XCTAssertTrue(link.hasPrefix("https://"), "\(page): \(link) would break below the sub-path")
            }
        }
    }

    func testLeftoversOfTheExamplesAreWarnings() throws {
        let folder = try site(files: [
            "my-ngo/site.yaml": "brand:\n  name: Test NGO\n  contact: \"mail@ngo.example\"\n# contact: old@ngo.example\n",
            "my-ngo/data/reporting-channels.yaml": """
            channels:
              - id: your-helpline
                name: {ja: 窓口, en: Line}
                purpose: {ja: 相談, en: Advice}
                audience: {ja: だれでも, en: Anyone}
                website: https://www.example.org/
            """,
        ])
        let result = build(folder, overlay: folder.path + "/my-ngo")
        XCTAssertEqual(result.diagnostics.errors, [])
        let warnings = result.diagnostics.warnings.map { $0.description.replacingOccurrences(of: folder.path + "/my-ngo/", with: "") }
        XCTAssertEqual(warnings, [
            "data/reporting-channels.yaml:2:5: warning: channel \"your-helpline\" is the example's: replace it with a channel of your own, with an id of its own",
            "data/reporting-channels.yaml:6:26: warning: \"example.org\" is an example address that reaches no one: put your organisation's own",
            "site.yaml:3:18: warning: \"ngo.example\" is an example address that reaches no one: put your organisation's own",
        ], "a commented line is no leftover")
    }
}
