import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

final class ParseTests: XCTestCase {
    let renderer = MarkdownRenderer()

    func testHeadingsGetGitHubIdsInEveryScript() {
        let document = renderer.render(markdown: "## 家具の固定\n\n## Hello, World!\n\n## Hello World\n\n## Hello World\n\n### C++ & `code`_x\n", file: "a.md")
        XCTAssertEqual(document.headings.map(\.id), ["家具の固定", "hello-world", "hello-world-1", "hello-world-2", "c--code_x"])
        XCTAssertTrue(document.html.contains("<h2 id=\"家具の固定\">"), document.html)
        XCTAssertTrue(document.html.contains("<h3 id=\"c--code_x\">"), document.html)
    }

    func testHeadingIdSlugRules() {
        XCTAssertEqual(HeadingSlugger.slug("What's New? (2024)"), "whats-new-2024")
        XCTAssertEqual(HeadingSlugger.slug("技能実習制度（技能実習）とは"), "技能実習制度技能実習とは")
        XCTAssertEqual(HeadingSlugger.slug("Ünïcode Straße"), "ünïcode-straße")
    }

    /// The shortcut for ASCII and Japanese headings gives the slug the Unicode rules give, for every
    /// character it takes, and leaves every other heading to them.
    func testQuickSlugsAgreeWithTheUnicodeRules() {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x3000...0x30FF, 0x4E00...0x9FFF, 0xFF00...0xFF10]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ab \(Character(scalar))-x"
            if let quick = HeadingSlugger.quickSlug(text) {
                XCTAssertEqual(quick, HeadingSlugger.unicodeSlug(text), String(format: "U+%04X", value))
            }
        }
        for heading in ["技能実習制度（技能実習）とは", "「相談窓口」の一覧・2024年", "What's New? (2024)", "カタカナー"] {
            XCTAssertEqual(HeadingSlugger.quickSlug(heading), HeadingSlugger.unicodeSlug(heading), heading)
        }
        for heading in ["Ünïcode Straße", "々", "ｶﾀｶﾅ", "한국어", "Ⅻ"] {
            XCTAssertNil(HeadingSlugger.quickSlug(heading), heading)
        }
    }

    func testRawHTMLIsDroppedUnlessTheSiteOptsIn() {
        let markdown = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n"
        let safe = renderer.render(markdown: markdown, file: "a.md").html
        XCTAssertFalse(safe.contains("<script"), safe)
        XCTAssertFalse(safe.contains("onclick"), safe)
        let unsafe = MarkdownRenderer(allowRawHTML: true).render(markdown: markdown, file: "a.md").html
        XCTAssertTrue(unsafe.contains("<script>alert(1)</script>"), unsafe)
    }

    func testSmartPunctuation() {
        let html = renderer.render(markdown: "\"Quoted\" -- it's\n", file: "a.md").html
        XCTAssertTrue(html.contains("\u{201C}Quoted\u{201D} \u{2013} it\u{2019}s"), html)
    }

    func testLinksAreCollectedWithFileLinesAndReplacedByPlaceholders() {
        let document = renderer.render(markdown: "Intro\n\nSee [labor](labor.md#見出し) and ![map](map.png).\n", file: "a.md", firstLine: 4)
        XCTAssertEqual(document.links.map(\.destination), ["labor.md#見出し", "map.png"])
        XCTAssertEqual(document.links.map(\.location.line), [6, 6])
        // cmark counts bytes; diagnostics turn them into characters (see ModelTests)
        XCTAssertEqual(document.links.map(\.location.column), [5, 37])
        XCTAssertEqual(document.links.map(\.isImage), [false, true])
        XCTAssertTrue(document.html.contains("href=\"hashi-link:0\""), document.html)
        XCTAssertTrue(document.html.contains("src=\"hashi-link:1\""), document.html)
    }

    func testPlainTextAndSummaryLeaveMarkupOut() {
        let document = renderer.render(markdown: "## Title\n\nFirst *para* with `code`.\n\n- item\n", file: "a.md")
        XCTAssertEqual(document.facts.summary, "First para with code.")
        XCTAssertEqual(document.plainText, "Title\nFirst para with code.\nitem")
    }

    func testTemplateAndStylesheetFindingsAreAtTheirLines() {
        // A CR LF pair is one character, so it ends no line, as the character lines counted it.
        let template = "a\r\n<img src=\"https://x/y.png\">\n<p>\n<link rel=\"stylesheet\" href=\"https://x/s.css\">\n"
            + "<link rel=\"canonical\" href=\"https://x/\">\n<img src=\"/local.png\">"
        XCTAssertEqual(ExternalRequestLint.template(template, file: "t.html").map(\.line), [1, 3])
        let stylesheet = "a { b: c; }\n@font-face { src: URL(\"https://x/f.woff\"); }\n.d { background: url(/e.png); }\n@import 'https://x/g.css';"
        XCTAssertEqual(ExternalRequestLint.stylesheet(stylesheet, file: "s.css").map(\.line), [2, 4])
    }

    func testDeeplyNestedQuotesDoNotCrash() {
        let markdown = String(repeating: ">", count: 10_000) + " deep\n"
        let document = renderer.render(markdown: markdown, file: "a.md")
        XCTAssertTrue(document.plainText.contains("deep"))
    }
}
