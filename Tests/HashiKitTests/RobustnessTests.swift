import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// Bad input gets a clear message at file:line, never a crash; the previous site survives anything.
final class RobustnessTests: XCTestCase {
    static let site = [
        "Content/site.yaml": bilingualSiteYAML,
        "Content/ja/_index.md": "---\ntitle: ホーム\n---\n本文\n",
        "Content/en/_index.md": "---\ntitle: Home\n---\nText with [a link](page.md).\n",
        "Content/en/page.md": "---\ntitle: Page\n---\n## Heading\n",
    ]

    /// One bad input and the diagnostic it must give (`nil`: it must build).
    struct Case {
        var name: String
        var files: [String: [UInt8]]
        var expected: String?
        var templates: [String: String] = [:]

        init(_ name: String, _ files: [String: String], _ expected: String?, templates: [String: String] = [:]) {
            self.name = name
            self.files = files.mapValues { Array($0.utf8) }
            self.expected = expected
            self.templates = templates
        }

        init(_ name: String, bytes: [String: [UInt8]], _ expected: String?) {
            self.name = name
            self.files = bytes
            self.expected = expected
        }
    }

    let cases: [Case] = [
        Case("invalid UTF-8", bytes: ["Content/en/page.md": Array("---\ntitle: P\n---\nbad ".utf8) + [0xC3, 0x28]],
             "Content/en/page.md:4:5: error: file is not valid UTF-8 here"),
        Case("a NUL byte", bytes: ["Content/en/page.md": Array("---\ntitle: P\n---\nab".utf8) + [0, 0x41]],
             "Content/en/page.md:4:3: error: file contains a NUL byte"),
        Case("a byte-order mark", bytes: ["Content/en/page.md": [0xEF, 0xBB, 0xBF] + Array("---\ntitle: P\n---\n## Heading\n".utf8)], nil),
        Case("CRLF line endings", ["Content/en/page.md": "---\r\ntitle: P\r\n---\r\n## Heading\r\n"], nil),
        Case("CR line endings", ["Content/en/page.md": "---\rtitle: P\r---\r## Heading\r"], nil),
        Case("unterminated front matter", ["Content/en/page.md": "---\ntitle: P\n## Heading\n"],
             "Content/en/page.md:1:1: error: front matter is not closed"),
        Case("malformed front matter", ["Content/en/page.md": "---\ntitle: [P\n---\n"], "Content/en/page.md:3:1: error: invalid YAML"),
        Case("a date that is not a date", ["Content/en/page.md": "---\ntitle: P\ndate: yesterday\n---\n"],
             "Content/en/page.md:3:7: error: \"date\" must be a date written YYYY-MM-DD"),
        Case("tags that are not a list", ["Content/en/page.md": "---\ntitle: P\ntags: 5\n---\n"],
             "Content/en/page.md:3:7: error: \"tags\" must be a list"),
        Case("an unknown key", ["Content/en/page.md": "---\ntitle: P\ntitel: Q\n---\n"],
             "Content/en/page.md:3:1: error: unknown key \"titel\" in front matter"),
        Case("a duplicate key", ["Content/en/page.md": "---\ntitle: P\ntitle: Q\n---\n"], "error: invalid YAML: duplicate key \"title\""),
        Case("an empty file", ["Content/en/page.md": ""], "Content/en/page.md:1:1: error: file is empty"),
        Case("10,000 nested blockquotes", ["Content/en/page.md": "---\ntitle: P\n---\n## Heading\n" + String(repeating: ">", count: 10_000) + " deep\n"], nil),
        Case("two pages that write one URL", ["Content/en/other.md": "---\ntitle: O\nslug: page\n---\n"],
             "Content/en/page.md:1:1: error: page writes the same URL en/page/ as Content/en/other.md"),
        Case("a slug with a slash", ["Content/en/other.md": "---\ntitle: O\nslug: a/b\n---\n"],
             "Content/en/other.md:3:7: error: \"slug\" must not contain \"/\""),
        Case("a slug that climbs out", ["Content/en/other.md": "---\ntitle: O\nslug: ..\n---\n"],
             "Content/en/other.md:3:7: error: \"slug\" must not contain \"..\""),
        Case("a slug with a control character", ["Content/en/other.md": "---\ntitle: O\nslug: \"a\\tb\"\n---\n"],
             "Content/en/other.md:3:7: error: \"slug\" must not contain control characters"),
        Case("a translationKey with a slash", ["Content/en/other.md": "---\ntitle: O\ntranslationKey: x/y\n---\n"],
             "Content/en/other.md:3:17: error: \"translationKey\" must not contain \"/\""),
        Case("an image from another site", ["Content/en/page.md": "---\ntitle: P\n---\n## Heading\n\n![map](https://maps.example/x.png)\n"],
             "Content/en/page.md:6:1: error: image from another site 'https://maps.example/x.png'"),
        Case("a template syntax error", [:], "Theme/layouts/page.mustache:2:1: error: template syntax",
             templates: ["layouts/page.mustache": "<h1>{{title}}</h1>\n{{#toc}}never closed\n"]),
        Case("an unknown partial", [:], "Theme/layouts/page.mustache:1:1: error: unknown partial \"nowhere\"",
             templates: ["layouts/page.mustache": "{{>nowhere}}\n"]),
        Case("a template that loads a script from another site", [:], "Theme/layouts/page.mustache:2:1: error: template loads something from another site (src)",
             templates: ["layouts/page.mustache": "<h1>{{title}}</h1>\n<script src=\"https://cdn.example/x.js\"></script>\n"]),
        Case("a web font from another site", [:], "Theme/assets/site.css:1:1: error: stylesheet loads something from another site",
             templates: ["assets/site.css": "@import url(https://fonts.example/css);\n"]),
        Case("a name that does not exist", [:], "Theme/layouts/page.mustache:1:5: error: unknown name \"titel\"",
             templates: ["layouts/page.mustache": "<h1>{{titel}}</h1>\n"]),
    ]

    let theme = [
        "Theme/layouts/page.mustache": "<h1>{{title}}</h1>{{{content}}}\n",
        "Theme/layouts/root.mustache": "{{title}}\n",
        "Theme/layouts/search.mustache": "<ol id=\"search-results\"></ol>\n",
        "Theme/i18n/ja.yaml": "a: b\n",
        "Theme/i18n/en.yaml": "a: b\n",
    ]

    func run(_ folder: TemporaryFolder, content: String = "Content", templates: String = "Theme") -> BuildResult {
        let options = BuildOptions(contentDirectory: folder.path + "/" + content, templateDirectories: [folder.path + "/" + templates],
                                   outputDirectory: folder.path + "/Output")
        return Build(options: options).run()
    }

    func testEachBadInputGivesItsDiagnostic() throws {
        for testCase in cases {
            let folder = try TemporaryFolder(Self.site.merging(theme) { a, _ in a })
            try folder.write(testCase.templates.reduce(into: [:]) { $0["Theme/" + $1.key] = $1.value })
            for (path, bytes) in testCase.files { try folder.writeBytes(path, bytes) }
            let result = run(folder)
            let printed = result.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
            let unknown = result.diagnostics.map(\.code).filter { !DiagnosticCatalog.codes.contains($0) }
            XCTAssertEqual(unknown, [], "\(testCase.name): codes not in the catalogue")
            if let expected = testCase.expected {
                XCTAssertTrue(printed.contains { $0.contains(expected) }, "\(testCase.name): expected \(expected), got \(printed)")
                XCTAssertTrue(result.diagnostics.hasErrors, testCase.name)
            } else {
                XCTAssertEqual(result.diagnostics.errors, [], testCase.name)
                XCTAssertTrue(folder.exists("Output/en/page/index.html"), testCase.name)
            }
        }
    }

    /// With raw HTML allowed, a page that would load something from another site is an error at
    /// the line of its URL; a link to follow, or HTML shown in a code block, is not.
    func testRawHTMLThatLoadsFromAnotherSiteIsAnError() throws {
        let page = """
        ---
        title: Page
        ---
        ## Heading

        <a href="https://www.npa.go.jp/">police</a> is a link, not a request.

        ```html
        <img src="https://shown.example/in-a-code-block.png">
        ```

        <p><IMG alt="x"
          SRC='https://tracker.example/pixel.gif'></p>
        """
        let folder = try TemporaryFolder(Self.site.merging(theme) { a, _ in a }.merging([
            "Content/site.yaml": bilingualSiteYAML + "\nmarkdown:\n  unsafeHTML: true\n",
            "Content/en/page.md": page,
        ]) { _, new in new })
        let printed = run(folder).diagnostics.errors.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        XCTAssertEqual(printed, ["Content/en/page.md:13:8: error: raw HTML loads something from another site (src \"https://tracker.example/pixel.gif\"): "
                                 + "the site requests nothing from outside itself; save the file beside the page"])
        XCTAssertFalse(folder.exists("Output"))
    }

    func testMissingFoldersAreNamed() throws {
        let folder = try TemporaryFolder(theme)
        XCTAssertEqual(run(folder).diagnostics.map(\.message).first, "content folder not found")
        let other = try TemporaryFolder(Self.site)
        XCTAssertTrue(run(other).diagnostics.contains { $0.file.hasSuffix("/Theme") && $0.message == "templates folder not found" })
    }

    func testCRLFContentBuildsTheSameSiteAsLF() throws {
        let lf = try TemporaryFolder(Self.site)
        let crlf = try TemporaryFolder(Self.site.mapValues { $0.replacingOccurrences(of: "\n", with: "\r\n") })
        XCTAssertEqual(lf.build().diagnostics.errors, [])
        XCTAssertEqual(crlf.build().diagnostics.errors, [])
        let files = lf.files(under: "Output")
        XCTAssertEqual(files, crlf.files(under: "Output"))
        for file in files where !file.hasPrefix(".hashi/") {
            XCTAssertEqual(lf.read("Output/" + file), crlf.read("Output/" + file), file)
        }
    }

    func testFileNamesInNFDGetNFCURLs() throws {
        let nfd = "cafe\u{301}.md"
        let folder = try TemporaryFolder(Self.site.merging(["Content/en/" + nfd: "---\ntitle: Café\n---\n"]) { a, _ in a })
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        XCTAssertTrue(folder.files(under: "Output/en").contains("caf\u{E9}/index.html"))
    }

    func testASymbolicLinkOutOfTheContentIsNotFollowed() throws {
        let secret = try TemporaryFolder(["secret.md": "---\ntitle: Secret\n---\nprivate\n"])
        let folder = try TemporaryFolder(Self.site)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/en/secret.md", withDestinationPath: secret.path + "/secret.md")
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertTrue(result.diagnostics.warnings.contains { $0.file.hasSuffix("Content/en/secret.md") && $0.message.contains("not followed") })
        XCTAssertFalse(folder.exists("Output/en/secret/index.html"))
    }

    func testASecondBuildIntoTheSameOutputIsRefusedWhileTheFirstRuns() throws {
        let folder = try TemporaryFolder(Self.site)
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let before = folder.read("Output/en/index.html")
        let first = OutputWriter(outputDirectory: folder.path + "/Output")
        try first.prepare()
        let second = folder.build()
        XCTAssertEqual(second.diagnostics.errors.map(\.message), ["another hashi build is writing \(folder.path)/Output right now; wait for it to finish"])
        first.abort()
        XCTAssertEqual(folder.read("Output/en/index.html"), before)
        XCTAssertEqual(folder.build().diagnostics.errors, [], "the lock goes with the build that held it")
    }

    func testAPageUpToTheSizeLimitBuildsAndALargerOneIsAnError() throws {
        // About 9.5 MB of Markdown in one page: under the limit of 10 MB.
        let paragraph = String(repeating: "Workers reported unpaid wages and confiscated passports to the shelter. ", count: 14) + "\n\n"
        let body = String(repeating: paragraph, count: 9_500_000 / paragraph.utf8.count)
        let folder = try TemporaryFolder(Self.site.merging(["Content/en/page.md": "---\ntitle: Big\n---\n## Heading\n" + body]) { _, new in new })
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertTrue(result.diagnostics.warnings.contains { $0.message.contains("can be found by search") })
        XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: folder.path + "/Output/en/page/index.html")[.size] as? Int ?? 0, 9_500_000)

        try folder.write(["Content/en/page.md": "---\ntitle: Big\n---\n" + body + body])
        let errors = folder.build().diagnostics.errors.map(\.description)
        XCTAssertTrue(errors.contains(folder.path + "/Content/en/page.md:1:1: error: this page is 19.0 MB; a page may be at most 10 MB: "
                                      + "split it into several pages (a reader's phone could not open it either)"), "\(errors)")
    }
}
