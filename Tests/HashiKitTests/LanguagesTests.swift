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
}
