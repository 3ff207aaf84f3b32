import XCTest
@testable import HashiKit
@testable import HashiSite

/// The theme's CSS and JavaScript as readers download them: lighter, and meaning the same.
final class AssetCompactorTests: XCTestCase {
    func testCSSLosesCommentsAndIndentationButNotStrings() {
        let css = "/* theme */\n.a {\n  color: red; /* why */\n  content: \"/* kept */\";\n}\n\n@media (x) {\n  .b { margin: 0; }\n}\n"
        XCTAssertEqual(AssetCompactor.compact(css, path: "assets/site.css"),
                       ".a {\ncolor: red;\ncontent: \"/* kept */\";\n}\n@media (x) {\n.b { margin: 0; }\n}\n")
    }

    func testJavaScriptLosesCommentLinesAndIndentation() {
        let js = "(function () {\n  // a note\n  /** Why `x`. */\n  /*\n   * more\n   */\n  var a = 'b // c';\n  return a;\n})();\n"
        XCTAssertEqual(AssetCompactor.compact(js, path: "assets/x.js"), "(function () {\nvar a = 'b // c';\nreturn a;\n})();\n")
    }

    func testAScriptWhoseSpacesMayBeInAStringIsCopiedAsItIs() {
        XCTAssertNil(AssetCompactor.compact("var t = `a\n  b`;\n", path: "assets/x.js"))
        XCTAssertNil(AssetCompactor.compact("var t = 'a\\\n  b';\n", path: "assets/x.js"))
        XCTAssertNil(AssetCompactor.compact("<svg/>", path: "assets/logo.svg"))
    }

    func testTheDefaultSearchPageStaysUnderItsBudgetInBurmese() throws {
        let folder = try TemporaryFolder()
        let result = Build(options: BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                                 outputDirectory: folder.path + "/Output")).run()
        XCTAssertEqual(result.diagnostics.errors, [])
        var total = 0
        for path in ["my/search/index.html", "assets/site.css", "assets/search.js", "assets/quick-exit.js"] {
            total += try XCTUnwrap(folder.read("Output/" + path)).utf8.count
        }
        XCTAssertLessThan(total, 40_000, "the page budget of Tests/a11y/site_check.py")
    }
}

/// The byte-by-byte compaction against the character-by-character rules.
final class AssetCompactorBytesTests: XCTestCase {
    func testTheThemesAssetsCompactTheSameByBytes() throws {
        for name in ["site.css", "search.js", "inflate.js", "quick-exit.js"] {
            let text = try String(contentsOfFile: Repository.templates + "/assets/" + name, encoding: .utf8)
            XCTAssertEqual(text.count, text.unicodeScalars.count, name)
            if name.hasSuffix(".css") {
                XCTAssertEqual(AssetCompactor.quickCSS(text), AssetCompactor.css(text), name)
            } else {
                XCTAssertEqual(AssetCompactor.quickJavaScript(text), AssetCompactor.javaScript(text), name)
            }
        }
    }

    func testRandomTextsCompactTheSameByBytes() {
        var random = SplitMix64(seed: 17)
        let pieces = ["/*", "*/", "//", "/", "*", "\"", "'", "\\", "`", " ", "\t", "\n", "\n", "a", "b;", "{", "}",
                      "é", "の", "\u{3000}", "\u{A0}", "x = 1"]
        for round in 0..<5_000 {
            let text = random.text(of: pieces, count: 0...24)
            XCTAssertEqual(AssetCompactor.quickCSS(text), AssetCompactor.css(text), "round \(round): \(text.debugDescription)")
            XCTAssertEqual(AssetCompactor.quickJavaScript(text), AssetCompactor.javaScript(text), "round \(round): \(text.debugDescription)")
        }
        // A character of more than one scalar goes the character-by-character way.
        let combined = "a {\n  content: \"\u{301}\"; /* x */\n}\n"
        XCTAssertEqual(AssetCompactor.compact(combined, path: "a.css"), AssetCompactor.css(combined))
    }
}
