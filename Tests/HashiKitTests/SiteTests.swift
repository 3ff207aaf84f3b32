import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// A bilingual site the project has never seen, built with the default `Templates/`.
final class SiteTests: XCTestCase {
    func makeSite() throws -> TemporaryFolder {
        try TemporaryFolder([
            "Content/site.yaml": bilingualSiteYAML,
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n[避難所](shelter.md#避難の流れ)へ。\n\n<iframe src=\"https://evil.example/\"></iframe>\n",
            "Content/ja/shelter.md": "---\ntitle: 避難所\n---\n## 避難の流れ\n\n[外部](https://example.org/)\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\nGo to the [shelter](shelter.md).\n",
            "Content/en/shelter.md": "---\ntitle: Shelter\n---\n## How to evacuate\n",
            "Content/en/only-en.md": "---\ntitle: Only in English\n---\nNo Japanese page.\n",
        ])
    }

    func testDefaultThemeBuildsFolderURLsWithWorkingLinks() throws {
        let folder = try makeSite()
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        for path in ["index.html", "ja/index.html", "ja/shelter/index.html", "en/shelter/index.html", "en/only-en/index.html",
                     "ja/search/index.html", "en/search/index.html", "assets/site.css"] {
            XCTAssertTrue(folder.exists("Output/" + path), path)
        }
        let home = try XCTUnwrap(folder.read("Output/ja/index.html"))
        XCTAssertTrue(home.contains("<html lang=\"ja\">"))
        XCTAssertTrue(home.contains("href=\"shelter/#避難の流れ\""), "the .md link leads to the page's folder URL")
        XCTAssertFalse(home.contains("<iframe"), "raw HTML is dropped")
        XCTAssertTrue(home.contains("Content-Security-Policy"))
        let shelter = try XCTUnwrap(folder.read("Output/ja/shelter/index.html"))
        XCTAssertTrue(shelter.contains("<h2 id=\"避難の流れ\">"))
        XCTAssertTrue(shelter.contains("href=\"https://example.org/\" rel=\"noopener noreferrer\""))
    }

    func testLanguageSwitcherLeadsToTheTranslationOrTheLanguageHome() throws {
        let folder = try makeSite()
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let shelter = try XCTUnwrap(folder.read("Output/ja/shelter/index.html"))
        XCTAssertTrue(shelter.contains("<a href=\"../../en/shelter/\" hreflang=\"en\" lang=\"en\">English</a>"), shelter)
        let onlyEnglish = try XCTUnwrap(folder.read("Output/en/only-en/index.html"))
        XCTAssertTrue(onlyEnglish.contains("<a href=\"../../ja/\" hreflang=\"ja\" lang=\"ja\">日本語</a>"), onlyEnglish)
    }

    func testEveryRelativeLinkOfTheBuiltSiteLeadsToAFile() throws {
        let folder = try makeSite()
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        try assertNoBrokenLinks(in: folder.path + "/Output")
    }

    func testTheMicrositeBuildsWithoutErrorsOrBrokenLinks() throws {
        let scratch = try TemporaryFolder()
        let result = Build(options: BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                                 outputDirectory: scratch.path + "/Output")).run()
        XCTAssertEqual(result.diagnostics, [])
        try assertNoBrokenLinks(in: scratch.path + "/Output")
    }
}

final class TemplateCheckTests: XCTestCase {
    func testTemplatesThatNameNothingAreErrorsAtTheirLine() throws {
        let folder = try TemporaryFolder([
            "Theme/layouts/page.mustache": "<h1>{{title}}</h1>\n{{titel}} {{>footr}}\n{{t.greeting}} {{t.missing}} {{shout(title)}}\n",
            "Theme/layouts/root.mustache": "{{title}}",
            "Theme/layouts/search.mustache": "{{title}}",
            "Theme/i18n/ja.yaml": "greeting: こんにちは\n",
            "Theme/i18n/en.yaml": "greeting: Hello\nfarewell: Bye\n",
        ])
        let languages = [Language(code: "ja", name: "日本語", title: "T", order: 0), Language(code: "en", name: "English", title: "T", order: 1)]
        let (set, diagnostics) = TemplateSet.load(folders: [folder.path + "/Theme"], displayFolders: ["Theme"], languages: languages)
        XCTAssertNil(set)
        XCTAssertEqual(diagnostics.sorted().map(\.description), [
            "Theme/i18n/ja.yaml:1:1: warning: UI string \"farewell\" is missing (it is defined for en); using en's",
            "Theme/layouts/page.mustache:2:1: error: unknown name \"titel\" (a template can use: " + PageContext.knownKeys.sorted().joined(separator: ", ") + ")",
            "Theme/layouts/page.mustache:2:11: error: unknown partial \"footr\"",
            "Theme/layouts/page.mustache:3:16: error: unknown UI string \"t.missing\": add it to every i18n/<lang>.yaml",
            "Theme/layouts/page.mustache:3:30: error: unknown transform \"shout\"",
        ])
    }
}

/// Every part of the source article is on the microsite, in both languages.
final class MicrositeCoverageTests: XCTestCase {
    func testEveryPartOfTheArticleIsOnTheSiteInBothLanguages() throws {
        let scratch = try TemporaryFolder()
        let result = Build(options: BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                                 outputDirectory: scratch.path + "/Output")).run()
        XCTAssertEqual(result.diagnostics.errors, [])
        func text(_ language: String) -> String {
            scratch.files(under: "Output/" + language).filter { $0.hasSuffix("index.html") }
                .compactMap { scratch.read("Output/\(language)/" + $0) }.joined()
        }
        let facts: [String: [String]] = [
            "en": ["Tier 2", "2024", "11 July 2017", "Amnesty International", "Irene Khan", "karayuki-san", "Siberia",
                   "Technical Intern Training Program", "sextortion", "Johnny Kitagawa", "BBC", "JNATIP", "#8891",
                   "Internet Hotline Center", "PAPS", "ZOE Japan", "110", "Polaris Project", "Jake Adelstein", "CC BY-SA"],
            "ja": ["第2階層", "2024", "2017年7月11日", "アムネスティ・インターナショナル", "からゆきさん", "シベリア",
                   "技能実習制度", "育成就労制度", "セクストーション", "ジャニー喜多川", "BBC", "JNATIP", "#8891",
                   "インターネット・ホットラインセンター", "ぱっぷす", "ゾエ・ジャパン", "110", "出入国在留管理庁", "Polaris Project", "CC BY-SA"],
        ]
        for (language, expected) in facts {
            let site = text(language)
            for fact in expected {
                XCTAssertTrue(site.contains(fact), "\(language): \(fact) is missing")
            }
        }
    }
}

/// The same input gives the same bytes: no build time, random order or absolute path in any file.
final class DeterminismTests: XCTestCase {
    func testTwoCleanBuildsAreIdentical() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        for folder in [first, second] {
            let result = Build(options: BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                                     outputDirectory: folder.path + "/site")).run()
            XCTAssertEqual(result.diagnostics.errors, [])
        }
        let files = first.files(under: "site")
        XCTAssertEqual(files, second.files(under: "site"))
        XCTAssertGreaterThan(files.count, 30)
        for file in files {
            let a = FileManager.default.contents(atPath: first.path + "/site/" + file)
            XCTAssertEqual(a, FileManager.default.contents(atPath: second.path + "/site/" + file), file)
            let text = String(decoding: a ?? Data(), as: UTF8.self)
            XCTAssertFalse(text.contains(first.path) || text.contains(NSTemporaryDirectory()) || text.contains(Repository.root),
                           "\(file) holds an absolute path")
        }
    }
}

extension DeterminismTests {
    /// Pages are parsed, rendered and indexed on every core; the result must be what one core gives.
    func testParallelBuildEqualsSequentialBuild() throws {
        let parallel = try TemporaryFolder(), sequential = try TemporaryFolder()
        func build(into folder: TemporaryFolder) {
            let result = Build(options: BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                                     outputDirectory: folder.path + "/site")).run()
            XCTAssertEqual(result.diagnostics.errors, [])
        }
        build(into: parallel)
        setenv("HASHI_SEQUENTIAL", "1", 1)
        defer { unsetenv("HASHI_SEQUENTIAL") }
        build(into: sequential)
        let files = parallel.files(under: "site")
        XCTAssertEqual(files, sequential.files(under: "site"))
        for file in files {
            XCTAssertEqual(FileManager.default.contents(atPath: parallel.path + "/site/" + file),
                           FileManager.default.contents(atPath: sequential.path + "/site/" + file), file)
        }
    }
}
