import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// Alternates, sitemap, root chooser, 404 pages and the translation report on a site the project has never seen.
final class MultilingualTests: XCTestCase {
    func makeSite(policy: String? = nil) throws -> TemporaryFolder {
        try TemporaryFolder([
            "Content/site.yaml": bilingualSiteYAML + (policy.map { "\nmissingTranslation: \($0)\n" } ?? "") + "\nhelpPage: help.md\n",
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n[日本語だけ](only-ja.md)\n",
            "Content/ja/help.md": "---\ntitle: 相談窓口\n---\n",
            "Content/ja/only-ja.md": "---\ntitle: 日本語だけ\n---\n[相談](help.md)\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/en/help.md": "---\ntitle: Get help\n---\n",
        ])
    }

    func build(_ folder: TemporaryFolder, baseURL: String? = nil, strict: Bool = false, dryRun: Bool = false) -> BuildResult {
        var options = BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [Repository.templates],
                                   outputDirectory: folder.path + "/Output", baseURL: baseURL, dryRun: dryRun)
        options.strict = strict
        return Build(options: options).run()
    }

    func testAlternatesSitemapChooserAnd404WithAPageOnlyInJapanese() throws {
        let folder = try makeSite()
        let result = build(folder, baseURL: "https://example.org/campaign/")
        XCTAssertEqual(result.diagnostics.errors, [])
        let help = try XCTUnwrap(folder.read("Output/en/help/index.html"))
        XCTAssertTrue(help.contains("<link rel=\"canonical\" href=\"https://example.org/campaign/en/help/\">"))
        XCTAssertTrue(help.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"https://example.org/campaign/ja/help/\">"))
        XCTAssertTrue(help.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/campaign/ja/help/\">"))
        let onlyJapanese = try XCTUnwrap(folder.read("Output/ja/only-ja/index.html"))
        XCTAssertFalse(onlyJapanese.contains("hreflang=\"x-default\""), "a page without translations has no alternates")
        let sitemap = try XCTUnwrap(folder.read("Output/sitemap.xml"))
        XCTAssertTrue(sitemap.contains("<url><loc>https://example.org/campaign/en/help/</loc><xhtml:link rel=\"alternate\" hreflang=\"ja\" href=\"https://example.org/campaign/ja/help/\"/>"), sitemap)
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/campaign/ja/only-ja/</loc>"))
        XCTAssertFalse(folder.exists("Output/robots.txt"), "crawlers read robots.txt at a host's root only, never under /campaign/")
        let chooser = try XCTUnwrap(folder.read("Output/index.html"))
        XCTAssertTrue(chooser.contains("href=\"ja/\"") && chooser.contains("href=\"en/\""))
        XCTAssertTrue(chooser.contains("href=\"en/help/\"") && chooser.contains("href=\"ja/help/\""), "urgent help in each language")
        XCTAssertFalse(chooser.contains("http-equiv=\"refresh\""))
        for page in ["404.html", "ja/404.html", "en/404.html"] {
            XCTAssertTrue(folder.exists("Output/" + page), page)
        }
        XCTAssertTrue(try XCTUnwrap(folder.read("Output/en/404.html")).contains("href=\"https://example.org/campaign/assets/site.css\""),
                      "a 404 page is served at any address, so its links are absolute when they can be")
    }

    func testNoLinkLeadsNowhereWhateverThePolicy() throws {
        for policy in ["omit", "fallback"] {
            let folder = try makeSite(policy: policy)
            XCTAssertEqual(build(folder).diagnostics.errors, [], policy)
            try assertNoBrokenLinks(in: folder.path + "/Output")
        }
    }

    func testFallbackShowsTheOriginalWithANoticeAndItsCanonical() throws {
        let folder = try makeSite(policy: "fallback")
        XCTAssertEqual(build(folder).diagnostics.errors, [])
        let page = try XCTUnwrap(folder.read("Output/en/only-ja/index.html"))
        XCTAssertTrue(page.contains("<html lang=\"en\">"))
        XCTAssertTrue(page.contains("has not been translated into English yet"), "a notice in the reader's language")
        XCTAssertTrue(page.contains("<div class=\"prose\" lang=\"ja\">"))
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"../../ja/only-ja/\">"))
        XCTAssertFalse(try XCTUnwrap(folder.read("Output/sitemap.xml")).contains("en/only-ja/"))
        XCTAssertTrue(try XCTUnwrap(folder.read("Output/ja/only-ja/index.html")).contains("href=\"../../en/only-ja/\" hreflang=\"en\""),
                      "the switcher leads to the stand-in page")
    }

    func testCheckNamesTheUntranslatedPageAndFailPolicyStopsTheBuild() throws {
        let warned = build(try makeSite(), dryRun: true)
        XCTAssertEqual(warned.diagnostics.map(\.description).filter { $0.contains("only-ja") }.map { String($0.suffix(59)) },
                       ["ja/only-ja.md:1:1: warning: page has no translation in \"en\""])
        XCTAssertTrue(build(try makeSite(), strict: true, dryRun: true).diagnostics.hasErrors, "--strict makes it an error")
        let failed = build(try makeSite(policy: "fail"), dryRun: true)
        XCTAssertTrue(failed.diagnostics.errors.contains { $0.file.hasSuffix("ja/only-ja.md") && $0.message.contains("no translation in \"en\"") })
    }

    func testATranslationOfAnOlderSourceIsReportedUntilStamped() throws {
        let folder = try makeSite()
        let english = folder.path + "/Content/en/help.md"
        let (content, _) = ContentLoader(contentDirectory: folder.path + "/Content", displayDirectory: "Content").load()
        let stamped = try TranslationStamper(content: try XCTUnwrap(content))
            .stamped(displayPath: "Content/en/help.md", text: try String(contentsOfFile: english, encoding: .utf8))
        XCTAssertTrue(stamped.hasPrefix("---\ntitle: Get help\ntranslatedFrom: "), stamped)
        try stamped.write(toFile: english, atomically: true, encoding: .utf8)
        XCTAssertFalse(build(folder, dryRun: true).diagnostics.contains { $0.message.contains("older than its source") })

        try folder.write(["Content/ja/help.md": "---\ntitle: 相談窓口\n---\n新しい段落を追加しました。\n"])
        let stale = build(folder, dryRun: true).diagnostics.filter { $0.message.contains("older than its source") }
        XCTAssertEqual(stale.count, 1)
        XCTAssertTrue(stale.first?.file.hasSuffix("en/help.md") ?? false)
        XCTAssertTrue(stale.first?.message.contains("ja/help.md") ?? false, "both paths are named")
    }

    func testMenusPerLanguageAndMenuEntriesThatNameNoPage() throws {
        let folder = try makeSite()
        try folder.write(["Content/site.yaml": bilingualSiteYAML + "\nmenu:\n  ja: [help.md, only-ja.md]\n  en: [help.md]\n"])
        XCTAssertEqual(build(folder).diagnostics.errors, [])
        let japanese = try XCTUnwrap(folder.read("Output/ja/index.html"))
        let english = try XCTUnwrap(folder.read("Output/en/index.html"))
        XCTAssertTrue(japanese.contains("<li><a href=\"only-ja/\">日本語だけ</a></li>"), japanese)
        XCTAssertTrue(english.contains("<li><a href=\"help/\">Get help</a></li>"))
        XCTAssertFalse(english.contains("only-ja"))

        try folder.write(["Content/site.yaml": bilingualSiteYAML + "\nmenu:\n  - help.md\n  - halp.md\n"])
        let errors = build(folder, dryRun: true).diagnostics.errors
        XCTAssertEqual(errors.map(\.message), ["menu entry \"halp.md\" is not a page of any language (write paths as under Content/<lang>/)"])
        XCTAssertEqual(errors.first.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line)" }, "site.yaml:10")
    }

    func testDatesFollowTheLocale() {
        let date = SimpleDate(parsing: "2026-03-11")!
        XCTAssertEqual(LocalizedDate.format(date, language: Language(code: "ja", name: "", title: "", order: 0)), "2026年3月11日")
        XCTAssertEqual(LocalizedDate.format(date, language: Language(code: "en", name: "", title: "", order: 1)), "March 11, 2026")
    }
}
