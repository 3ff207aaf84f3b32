import XCTest
@testable import HashiKit

final class LoadTests: XCTestCase {
    func testFrontMatterIsSplitAndTheBodyKeepsItsFileLine() {
        let (split, error) = FrontMatterParser.split("---\ntitle: A\ndate: 2024-03-11\n---\n\n# Body\n", file: "a.md")
        XCTAssertNil(error)
        XCTAssertEqual(split?.yaml, "title: A\ndate: 2024-03-11")
        XCTAssertEqual(split?.body, "\n# Body\n")
        XCTAssertEqual(split?.bodyStartLine, 5)
    }

    func testUnclosedFrontMatterIsAnError() {
        let (split, error) = FrontMatterParser.split("---\ntitle: A\n\nbody", file: "a.md")
        XCTAssertNil(split)
        XCTAssertEqual(error?.description, "a.md:1:1: error: front matter is not closed: add a line --- after it")
    }

    func testEveryFrontMatterProblemIsReportedAtItsLine() {
        let (front, diagnostics) = FrontMatterParser.parse("title: A\ndate: yesterday\ntags: 5\nauthor: me\nweight: heavy", file: "a.md")
        XCTAssertNil(front)
        XCTAssertEqual(diagnostics.sorted().map(\.description), [
            "a.md:3:7: error: \"date\" must be a date written YYYY-MM-DD",
            "a.md:4:7: error: \"tags\" must be a list, like [a, b]",
            "a.md:5:1: error: unknown key \"author\" in front matter (known keys: \"date\", \"description\", \"draft\", \"layout\", \"slug\", \"tags\", \"title\", \"translatedFrom\", \"translationKey\", \"weight\")",
            "a.md:6:9: error: \"weight\" must be a whole number",
        ])
    }

    func testDuplicateKeysAndMissingTitleAreErrors() {
        let (_, duplicate) = FrontMatterParser.parse("title: A\ntitle: B", file: "a.md")
        XCTAssertTrue(duplicate.first?.message.contains("duplicate key \"title\"") ?? false, "\(duplicate)")
        let (_, missing) = FrontMatterParser.parse("description: no title here", file: "a.md")
        XCTAssertEqual(missing.map(\.description), ["a.md:2:1: error: front matter has no \"title\""])
    }

    func testSlugThatWouldLeaveTheOutputIsRefused() {
        for slug in ["../../etc", "a/b", "..", "tab\there"] {
            let (front, diagnostics) = FrontMatterParser.parse("title: A\nslug: \"\(slug)\"", file: "a.md")
            XCTAssertNil(front, slug)
            XCTAssertEqual(diagnostics.first?.line, 3, slug)
        }
    }

    func testCRLFAndBOMDecodeToTheSameTextAsLF() throws {
        let lf = try TextDecoder.decode(Array("---\ntitle: A\n---\nline\n".utf8)).get()
        let crlf = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nline\r\n".utf8)).get()
        let cr = try TextDecoder.decode(Array("---\rtitle: A\r---\rline\r".utf8)).get()
        XCTAssertEqual(crlf, lf)
        XCTAssertEqual(cr, lf)
    }

    func testInvalidUTF8AndNULArePlacedAtLineAndColumn() {
        XCTAssertEqual(TextDecoder.decode(Array("ok\nあい".utf8) + [0xFF]), .failure(.invalidUTF8(line: 2, column: 3)))
        XCTAssertEqual(TextDecoder.decode(Array("a\nb\nxy".utf8) + [0, 65]), .failure(.nulByte(line: 3, column: 3)))
    }

    func testSiteYAMLUnknownKeysAndBadLanguagesAreReported() {
        let yaml = "languages:\n  - code: ja\n    name: 日本語\n    title: T\n  - code: \"../x\"\n    name: X\n    title: X\ncolour: red\n"
        let (config, diagnostics) = SiteConfigLoader.load(text: yaml, file: "site.yaml")
        XCTAssertEqual(config?.languages.map(\.code), ["ja"])
        XCTAssertEqual(diagnostics.sorted().map(\.description), [
            "site.yaml:5:5: error: language code \"../x\" must be letters, digits and hyphens, like ja or pt-BR",
            "site.yaml:8:1: error: unknown key \"colour\" in site.yaml (known keys: \"baseURL\", \"brand\", \"helpPage\", \"languages\", \"markdown\", \"menu\", \"missingTranslation\", \"templates\")",
        ])
    }

    func testLoaderReadsEveryLanguageAndSkipsDrafts() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": bilingualSiteYAML,
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/en/draft.md": "---\ntitle: Not yet\ndraft: true\n---\n",
            "Content/en/img/map.png": "PNG",
        ])
        let (content, diagnostics) = ContentLoader(contentDirectory: folder.path + "/Content", displayDirectory: "Content").load()
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(content?.sources.map(\.displayPath), ["Content/ja/_index.md", "Content/en/_index.md"])
        XCTAssertEqual(content?.staticFiles.map(\.outputPath), ["en/img/map.png"])
    }
}
