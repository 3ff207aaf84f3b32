import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiSite
@testable import HashiSupport

/// Sites in the languages of the people the microsite is for, and in scripts beyond Latin and CJK.
final class LanguagesTests: XCTestCase {
    /// A site with a home page in each language, built with the default theme.
    func makeSite(_ languages: [(code: String, name: String)], extra: String = "", pages: [String: String] = [:]) throws -> TemporaryFolder {
        var yaml = "languages:\n"
        for language in languages {
            yaml += "  - code: \(language.code)\n    name: \(language.name)\n    title: Site \(language.code)\n"
        }
        var files = ["Content/site.yaml": yaml + extra]
        for language in languages {
            files["Content/\(language.code)/_index.md"] = "---\ntitle: Home \(language.code)\n---\nText.\n"
        }
        files.merge(pages) { _, new in new }
        return try TemporaryFolder(files)
    }

    static let interns: [(code: String, name: String)] = [
        ("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt"), ("zh-Hans", "简体中文"),
        ("id", "Bahasa Indonesia"), ("fil", "Filipino"), ("my", "မြန်မာ"), ("ne", "नेपाली"),
    ]

    func testTheDefaultThemeSpeaksEachInternLanguage() throws {
        let folder = try makeSite(Self.interns)
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(result.diagnostics.warnings.filter { $0.message.contains("UI string") }, [])
        let expected = ["vi": "Tìm kiếm", "zh-Hans": "搜索", "id": "Cari", "fil": "Maghanap", "my": "ရှာဖွေရန်", "ne": "खोज्नुहोस्"]
        for (code, word) in expected {
            let home = try XCTUnwrap(folder.read("Output/\(code)/index.html"), code)
            XCTAssertTrue(home.contains(word), "\(code) shows its own word for search")
            XCTAssertFalse(home.contains("検索"), "\(code) shows no Japanese UI text")
        }
    }

    func testEveryThemeLanguageDefinesEveryKeyOfEnglish() throws {
        let folder = Repository.templates + "/i18n"
        func keys(_ file: String) throws -> Set<String> {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            return Set(text.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) })
        }
        let english = try keys("en.yaml")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".yaml") {
            XCTAssertEqual(try keys(file), english, file)
        }
    }

    func testALanguageWithoutStringsFallsBackToEnglishNotTheFirstLanguage() throws {
        let folder = try makeSite([("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt"), ("th", "ไทย"), ("ar", "العربية")])
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertTrue(result.diagnostics.warnings.contains { $0.message.contains("no UI strings for language \"th\"") })
        for code in ["th", "ar"] {
            let home = try XCTUnwrap(folder.read("Output/\(code)/index.html"))
            XCTAssertTrue(home.contains("Search this site"), "\(code) falls back to English")
            XCTAssertFalse(home.contains("サイト内検索") || home.contains("検索"), "\(code) shows no Japanese UI text")
        }
    }

    func testADeclaredChainComesFirstAndAMissingKeyNamesLanguageAndKey() throws {
        let folder = try TemporaryFolder([
            "Theme/layouts/page.mustache": "{{t.hello}} {{t.bye}}",
            "Theme/layouts/root.mustache": "{{title}}",
            "Theme/layouts/search.mustache": "{{title}}",
            "Theme/i18n/ja.yaml": "hello: こんにちは\nbye: さようなら\n",
            "Theme/i18n/en.yaml": "hello: Hello\nbye: Bye\n",
            "Theme/i18n/pt.yaml": "hello: Olá\n",
            "Theme/i18n/es.yaml": "hello: Hola\n",
        ])
        let languages = [Language(code: "ja", name: "日本語", title: "T", order: 0), Language(code: "en", name: "English", title: "T", order: 1),
                         Language(code: "pt", name: "Português", title: "T", order: 2),
                         Language(code: "es", name: "Español", title: "T", order: 3, fallback: ["ja"])]
        let (set, diagnostics) = TemplateSet.load(folders: [folder.path + "/Theme"], displayFolders: ["Theme"], languages: languages)
        let strings = try XCTUnwrap(set).strings
        XCTAssertEqual(strings.byLanguage["pt"]?["bye"], "Bye", "the default chain ends in English")
        XCTAssertEqual(strings.byLanguage["es"]?["bye"], "さようなら", "a declared chain comes first")
        XCTAssertEqual(diagnostics.map(\.description).sorted(), [
            "Theme/i18n/es.yaml:1:1: warning: UI string \"bye\" is missing (it is defined for ja); using ja's",
            "Theme/i18n/pt.yaml:1:1: warning: UI string \"bye\" is missing (it is defined for en); using en's",
        ])
    }

    func testAFallbackThatIsNotASiteLanguageIsAnError() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: ja\n    name: 日本語\n    title: T\n  - code: vi\n    name: Tiếng Việt\n    title: T\n    fallback: [en]\n",
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
            "Content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
        ])
        let errors = folder.build().diagnostics.errors.map(\.message)
        XCTAssertEqual(errors, ["language \"vi\" falls back to \"en\", which is not another language of the site"])
    }

    func testDirectionComesFromTheCodeAndItsScript() {
        for code in ["ar", "ar-EG", "fa", "he", "ur", "ur-PK", "pa-Arab", "az-Arab"] {
            XCTAssertEqual(TextDirection.of(code: code), .rightToLeft, code)
        }
        for code in ["ja", "en", "vi", "th", "zh-Hans", "ku-Latn", "my", "ne", "arn"] {
            XCTAssertEqual(TextDirection.of(code: code), .leftToRight, code)
        }
    }

    func testArabicPagesRunRightToLeftAndFallbackTextKeepsItsOwnDirection() throws {
        let folder = try makeSite([("ja", "日本語"), ("en", "English"), ("ar", "العربية")], extra: "missingTranslation: fallback\n",
                                  pages: ["Content/en/help.md": "---\ntitle: Help\n---\nCall 110.\n"])
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        let arabic = try XCTUnwrap(folder.read("Output/ar/index.html"))
        XCTAssertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
        let standIn = try XCTUnwrap(folder.read("Output/ar/help/index.html"))
        XCTAssertTrue(standIn.contains("<html lang=\"ar\" dir=\"rtl\">"))
        XCTAssertTrue(standIn.contains("<h1 lang=\"en\" dir=\"ltr\">Help</h1>"), "the English title runs left to right")
        XCTAssertTrue(standIn.contains("<div class=\"prose\" lang=\"en\" dir=\"ltr\">"))
        XCTAssertTrue(standIn.contains("\u{2068}Search this site\u{2069}"), "an English UI string is isolated in Arabic text")
        let japanese = try XCTUnwrap(folder.read("Output/ja/index.html"))
        XCTAssertTrue(japanese.contains("<html lang=\"ja\">"), "left-to-right pages carry no dir")
        XCTAssertTrue(japanese.contains("lang=\"ar\" dir=\"rtl\">العربية"), "the switcher's Arabic name runs right to left")
    }

    /// A site in ja, en, vi and ar whose one channel has its texts in ja and en only.
    func makeChannelSite(policy: String) throws -> TemporaryFolder {
        let channels = """
        channels:
          - id: police
            situations: [emergency]
            emergency: true
            name: {ja: 警察（110番）, en: Police (110)}
            purpose: {ja: 危険なとき。, en: When you are in danger.}
            audience: {ja: だれでも。, en: Anyone.}
            hours: {ja: 24時間, en: 24 hours, vi: 24 giờ}
            phone: "110"
        """
        var pages: [String: String] = ["Content/data/reporting-channels.yaml": channels]
        for code in ["ja", "en", "vi", "ar"] {
            pages["Content/\(code)/channels.md"] = "---\ntitle: Channels \(code)\nlayout: channels\n---\n"
        }
        return try makeSite([("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt"), ("ar", "العربية")],
                            extra: "missingTranslation: \(policy)\n", pages: pages)
    }

    func testAChannelMissingALanguageFallsBackWithANoticeAndItsLanguage() throws {
        let folder = try makeChannelSite(policy: "fallback")
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let vietnamese = try XCTUnwrap(folder.read("Output/vi/channels/index.html"))
        XCTAssertTrue(vietnamese.contains("<h3 class=\"channel__name\" lang=\"en\">Police (110)</h3>"), "the English name, marked as English")
        XCTAssertTrue(vietnamese.contains("Một số thông tin về nơi này chưa có bằng tiếng Việt"), "a notice in the reader's language")
        XCTAssertTrue(vietnamese.contains("<dd>24 giờ</dd>"), "a text the language has stays its own")
        let arabic = try XCTUnwrap(folder.read("Output/ar/channels/index.html"))
        XCTAssertTrue(arabic.contains("<h3 class=\"channel__name\" lang=\"en\" dir=\"ltr\">Police (110)</h3>"))
        let english = try XCTUnwrap(folder.read("Output/en/channels/index.html"))
        XCTAssertFalse(english.contains("channel__notice"), "a channel with every text in English has no notice")
        let json = try XCTUnwrap(folder.read("Output/data/reporting-channels.json"))
        XCTAssertFalse(json.contains("\"vi\" : \"Police"), "the JSON gives only the texts the data has")
    }

    func testAChannelMissingALanguageIsLeftOutWhenThePolicyOmits() throws {
        let folder = try makeChannelSite(policy: "omit")
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let vietnamese = try XCTUnwrap(folder.read("Output/vi/channels/index.html"))
        XCTAssertFalse(vietnamese.contains("channel__name"), "no card without a name in Vietnamese")
        XCTAssertTrue(try XCTUnwrap(folder.read("Output/en/channels/index.html")).contains("Police (110)"))
    }

    func testAChannelMissingALanguageIsAnErrorWhenThePolicyFails() throws {
        let folder = try makeChannelSite(policy: "fail")
        let errors = folder.build().diagnostics.errors.map(\.message)
        XCTAssertTrue(errors.contains("\"name\" has no text in \"vi\""), "\(errors)")
        XCTAssertTrue(errors.contains("\"name\" has no text in \"ar\""), "\(errors)")
    }

    func testAMissingPageIsShownInTheNearestLanguageOfTheChain() throws {
        let folder = try makeSite([("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt"), ("id", "Bahasa Indonesia")],
                                  extra: "missingTranslation: fallback\n",
                                  pages: ["Content/ja/rights.md": "---\ntitle: 権利\n---\n日本語の本文。\n",
                                          "Content/en/rights.md": "---\ntitle: Rights\n---\nEnglish text.\n"])
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let vietnamese = try XCTUnwrap(folder.read("Output/vi/rights/index.html"))
        XCTAssertTrue(vietnamese.contains("<div class=\"prose\" lang=\"en\">"), "English, the end of vi's chain, not Japanese")
        XCTAssertTrue(vietnamese.contains("Trang này chưa được dịch sang tiếng Việt"), "with the notice in Vietnamese")
    }

    func testAPartialLanguageIsNotWarnedAboutItsMissingPagesAndBrandTextsFallBack() throws {
        let yaml = """
        languages:
          - code: ja
            name: 日本語
            title: T
          - code: en
            name: English
            title: T
          - code: vi
            name: Tiếng Việt
            title: T
            partial: true
        brand:
          name: {ja: 支援ネット, en: Support Net}
        """
        let folder = try TemporaryFolder([
            "Content/site.yaml": yaml,
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n[権利](rights.md)\n",
            "Content/ja/rights.md": "---\ntitle: 権利\n---\n本文。\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/en/rights.md": "---\ntitle: Rights\n---\nText.\n",
            "Content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
        ])
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(result.diagnostics.warnings.map(\.message).filter { $0.contains("no translation") }, [],
                       "vi is declared partial")
        XCTAssertTrue(try XCTUnwrap(folder.read("Output/vi/index.html")).contains("Support Net"), "the brand's English name on vi pages")
    }

    /// ja/about.md updated on 2026-11-20; its English translation made from an older version; no Vietnamese.
    func makeStaleSite() throws -> TemporaryFolder {
        try makeSite([("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt")], pages: [
            "Content/ja/about.md": "---\ntitle: このサイトについて\ndate: 2026-11-20\n---\n新しい本文。\n",
            "Content/en/about.md": "---\ntitle: About\ntranslatedFrom: 0123456789abcdef\n---\nOld text.\n",
        ])
    }

    func testAStaleTranslationTellsItsReaderWhenTheOriginalChangedAndLinksToIt() throws {
        let folder = try makeStaleSite()
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let english = try XCTUnwrap(folder.read("Output/en/about/index.html"))
        XCTAssertTrue(english.contains("<p class=\"notice\" role=\"note\">This page was translated from an earlier version of the original, "
                                       + "which was updated on November 20, 2026. <a href=\"../../ja/about/\" hreflang=\"ja\">Read the original</a></p>"))
        XCTAssertFalse(try XCTUnwrap(folder.read("Output/ja/about/index.html")).contains("earlier version"), "the original has no notice")
        XCTAssertFalse(try XCTUnwrap(folder.read("Output/en/index.html")).contains("class=\"notice\""), "nor a translation that is not stale")
    }

    func testTheStatusReportListsEveryPageInEveryLanguageForTranslatorsOnly() throws {
        let folder = try makeStaleSite()
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let json = try XCTUnwrap(folder.read("Output/data/translation-status.json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try XCTUnwrap(root["pages"] as? [[String: Any]])
        let about = try XCTUnwrap(pages.first { $0["key"] as? String == "about" }?["languages"] as? [String: [String: Any]])
        XCTAssertEqual(about["ja"]?["state"] as? String, "source")
        XCTAssertEqual(about["en"]?["state"] as? String, "stale")
        XCTAssertEqual(about["vi"]?["state"] as? String, "missing")
        let home = try XCTUnwrap(pages.first { $0["key"] as? String == "_index" }?["languages"] as? [String: [String: Any]])
        XCTAssertEqual(home["vi"]?["state"] as? String, "up-to-date")
        let page = try XCTUnwrap(folder.read("Output/translation-status/index.html"))
        XCTAssertTrue(page.contains("<th scope=\"row\"><a href=\"../ja/about/\">ja/about.md</a></th><td class=\"status--source\">"))
        XCTAssertTrue(page.contains("<td class=\"status--stale\"><a href=\"../en/about/\">古い</a></td><td class=\"status--missing\">未翻訳</td>"),
                      "in the default language's words")
        for path in folder.files(under: "Output") where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            guard path != "translation-status/index.html" else { continue }
            XCTAssertFalse(try XCTUnwrap(folder.read("Output/" + path)).contains("translation-status"), "\(path) links to it")
        }
    }
}
