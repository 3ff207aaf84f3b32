import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

final class LoadTests: XCTestCase {
    func testFrontMatterIsSplitAndTheBodyKeepsItsFileLine() {
        let (split, error) = FrontMatterParser.split("---\ntitle: A\ndate: 2024-03-11\n---\n\n# Body\n", file: "a.md")
        XCTAssertNil(error)
        XCTAssertEqual(split?.yaml, "title: A\ndate: 2024-03-11")
        XCTAssertEqual(split?.body, "\n# Body\n")
        XCTAssertEqual(split?.bodyStartLine, 5)
    }

    /// Lines end at LF only, `...` closes as `---` does, and an empty block or body is fine.
    func testFrontMatterLinesEndAtLineFeeds() {
        let cases: [(String, yaml: String, body: String, line: Int)] = [
            ("---\n---\n", "", "", 3), ("---\n---", "", "", 3), ("---\ntitle: a\n...\nx\n", "title: a", "x\n", 4),
            ("---\ntitle: 家\nweight: 2\n---\n本文", "title: 家\nweight: 2", "本文", 5), ("---\n--- \n---\n", "--- ", "", 4),
        ]
        for (text, yaml, body, line) in cases {
            let split = FrontMatterParser.split(text, file: "a.md").0
            XCTAssertEqual(split?.yaml, yaml, text)
            XCTAssertEqual(split?.body, body, text)
            XCTAssertEqual(split?.bodyStartLine, line, text)
        }
        // A CR LF pair is one character, not a line end: the block below is never closed.
        XCTAssertNil(FrontMatterParser.split("---\ntitle: a\r\n---\r\nx", file: "a.md").0)
        XCTAssertNil(FrontMatterParser.split("---", file: "a.md").0)
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

/// The quick front-matter reader must give what the YAML reader gives, or leave the page to it.
final class QuickFrontMatterTests: XCTestCase {
    private func assertAgrees(_ yaml: String, quick expected: Bool, file: StaticString = #filePath, line: UInt = #line) {
        let quick = QuickFrontMatter.read(yaml)
        XCTAssertEqual(quick != nil, expected, "quick reading of \(yaml.debugDescription)", file: file, line: line)
        guard let quick else { return }
        let (full, diagnostics) = FrontMatterParser.parseWithYams(yaml, file: "a.md")
        XCTAssertEqual(diagnostics, [], yaml.debugDescription, file: file, line: line)
        XCTAssertEqual(quick, full, yaml.debugDescription, file: file, line: line)
    }

    func testEverydayFrontMatterIsReadQuicklyAndAlike() {
        assertAgrees("title: \"Safe Interpreters\"\ndescription: \"Hotlines: help.\"\ndate: 2016-07-28\ntags:\n  - \"support\"\n  - \"news\"", quick: true)
        assertAgrees("title: \"安全な通訳\"\ndate: \"2016-07-28\"\ntags:\n- 支援\n- ニュース", quick: true)
        assertAgrees("title: Reporting channels\nweight: 20\nlayout: channels\ndraft: false\nslug: report-here\ntranslationKey: report", quick: true)
        assertAgrees("title: C# and a:b, [not a list]\ndescription: yes\ntranslatedFrom: 3f2a", quick: true)
        assertAgrees("title:   spaced out\nweight: 0\ndraft: true", quick: true)
    }

    func testAnythingElseIsLeftToTheYAMLReader() {
        for yaml in [
            "title: \"a \\\"quoted\\\" word\"", "title: 'single'", "title: Hello # comment", "title: Hello\n  continued",
            "title: a\n\ndate: 2016-07-28", "title: null", "title: ~", "title: \"  \"", "description: no title",
            "title: a\ntitle: b", "title: a\nunknown: b", "title: a\nweight: 010", "title: a\nweight: \"5\"", "title: a\nweight: -5",
            "title: a\ndraft: yes", "title: a\ntags: [a, b]", "title: a\ntags:", "title: a\ntags:\n  - a\n   - b",
            "title: a\ntags:\n  - a: b", "title: a\ndate: 2016-13-45", "title: a\nslug: ../up", "title: a:", "title: a: b",
            "title: &anchor a", "title: !!str a", "title: |\n  block", "title: >\n  folded", "title:\ta", "title: a\t",
            "title: a ", "title: \"a\" ", "title: a\r", "title: a\u{2028}b", "title: a\u{85}b", "title : a", "- a", "---",
        ] {
            assertAgrees(yaml, quick: false)
        }
    }

    func testTheQuickReadersKeysAreTheFrontMattersKeys() {
        XCTAssertEqual(Set(QuickFrontMatter.Key.names.map { String(decoding: $0, as: UTF8.self) }), FrontMatter.keys)
    }

    /// Random front matters of everyday and odd pieces: whenever the quick reader answers, YAML agrees.
    func testRandomFrontMattersReadAlike() {
        var random = SplitMix64(seed: 23)
        let keys = ["title", "description", "date", "draft", "weight", "slug", "tags", "layout", "titl\u{0301}e", "K"]
        let values = ["\"A b\"", "a b", "安全な通訳", "e\u{301}", "\u{301}x", " x", "x ", "2016-07-28", "2016-02-30", "true", "12", "012",
                      "\"\"", "a: b", "a #b", "\"a\"b\"", "null", "~", "-x", "x\u{3000}", "\u{3000}x", "x\ty", "ü", "a/b"]
        var answered = 0
        for round in 0..<3_000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let key = keys.randomElement(using: &random)!
                if key == "tags" {
                    lines.append("tags:")
                    for _ in 0..<Int.random(in: 0...2, using: &random) { lines.append("  - " + values.randomElement(using: &random)!) }
                } else {
                    lines.append(key + ":" + [" ", "  ", ""].randomElement(using: &random)! + values.randomElement(using: &random)!)
                }
            }
            if Bool.random(using: &random) { lines.insert("title: \"T\"", at: 0) }
            let yaml = lines.joined(separator: "\n")
            guard let quick = QuickFrontMatter.read(yaml) else { continue }
            answered += 1
            let (full, diagnostics) = FrontMatterParser.parseWithYams(yaml, file: "a.md")
            XCTAssertEqual(diagnostics, [], "round \(round): \(yaml.debugDescription)")
            XCTAssertEqual(quick, full, "round \(round): \(yaml.debugDescription)")
        }
        XCTAssertGreaterThan(answered, 100)
    }

    func testQuickDatesAgreeWithTheRule() {
        var random = SplitMix64(seed: 29)
        for _ in 0..<5_000 {
            let text = String((0..<10).map { _ in "0123456789-- +T".randomElement(using: &random)! })
            let dated = String(format: "%04d-%02d-%02d", Int.random(in: 0...2100, using: &random), Int.random(in: 0...13, using: &random),
                               Int.random(in: 0...32, using: &random))
            for candidate in [text, dated] {
                if let quick = SimpleDate.quick(candidate) { XCTAssertEqual(quick, SimpleDate(parsing: candidate), candidate) }
            }
            XCTAssertEqual(SimpleDate.quick(dated) != nil, SimpleDate(parsing: dated) != nil, dated)
        }
    }

    /// A date is written digit by digit as the padded form writes it, in every year and at the edges.
    func testDatesAreWrittenAsThePaddedFormWritesThem() {
        var random = SplitMix64(seed: 31)
        let years = [-10_000, -1, 0, 7, 99, 999, 1000, 9999, 10_000, 123_456] + (0..<2_000).map { _ in Int.random(in: 0...9999, using: &random) }
        for year in years {
            let date = SimpleDate(year: year, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...31, using: &random))
            XCTAssertEqual(date.description, date.paddedDescription, "\(year)")
        }
        XCTAssertEqual(SimpleDate(year: 2024, month: 1, day: 2).description, "2024-01-02")
    }

    /// Every page of the microsite and the test fixtures: read quickly or not, the result is the same.
    func testTheRepositorysPagesReadAlike() throws {
        var quick = 0
        var pages = 0
        for folder in ["Content", "Tests/HashiKitTests/Fixtures"] {
            let root = Repository.root + "/" + folder
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
            for path in files {
                let text = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: root + "/" + path)), as: UTF8.self)
                guard let split = FrontMatterParser.split(text, file: path).0 else { continue }
                pages += 1
                let (full, diagnostics) = FrontMatterParser.parseWithYams(split.yaml, file: path)
                if let read = QuickFrontMatter.read(split.yaml) {
                    quick += 1
                    XCTAssertEqual(diagnostics, [], path)
                    XCTAssertEqual(read, full, path)
                }
            }
        }
        XCTAssertGreaterThan(pages, 30)
        XCTAssertGreaterThan(quick, pages / 2, "most pages are in the everyday form")
    }
}
