import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

final class ModelTests: XCTestCase {
    /// Loads, parses and models an inline content folder.
    func model(_ files: [String: String]) throws -> (Site, [Diagnostic]) {
        let defaults = ["Content/site.yaml": bilingualSiteYAML, "Content/ja/_index.md": "---\ntitle: ホーム\n---\n"]
        let folder = try TemporaryFolder(files.merging(defaults) { a, _ in a })
        let (content, loadDiagnostics) = ContentLoader(contentDirectory: folder.path + "/Content", displayDirectory: "Content").load()
        let loaded = try XCTUnwrap(content, "\(loadDiagnostics)")
        let (site, diagnostics) = SiteBuilder(content: loaded).build(documents: DocumentStore(parsing: loaded))
        return (site, loadDiagnostics + diagnostics)
    }

    func testPagesGetFolderURLs() throws {
        let (site, diagnostics) = try model([
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/en/labor-trafficking.md": "---\ntitle: Labor\n---\n",
            "Content/en/guide/_index.md": "---\ntitle: Guide\n---\n",
            "Content/en/guide/first.md": "---\ntitle: First\nslug: start\n---\n",
        ])
        XCTAssertEqual(diagnostics.errors, [])
        XCTAssertEqual(site.pages.map(\.outputPath), [
            "ja/index.html", "en/index.html", "en/guide/index.html", "en/guide/start/index.html", "en/labor-trafficking/index.html",
        ])
    }

    func testTranslationsPairByPathOrByKey() throws {
        let (site, _) = try model([
            "Content/ja/labor.md": "---\ntitle: 労働\n---\n",
            "Content/en/labor.md": "---\ntitle: Labor\n---\n",
            "Content/ja/kodomo.md": "---\ntitle: 子ども\ntranslationKey: children\n---\n",
            "Content/en/children.md": "---\ntitle: Children\n---\n",
            "Content/ja/only.md": "---\ntitle: 日本語だけ\n---\n",
        ])
        let ja = site.languages[0], en = site.languages[1]
        XCTAssertEqual(site.translation(of: site.page(atURL: "ja/labor/")!, in: en)?.url, "en/labor/")
        XCTAssertEqual(site.translation(of: site.page(atURL: "en/children/")!, in: ja)?.url, "ja/kodomo/")
        XCTAssertNil(site.translation(of: site.page(atURL: "ja/only/")!, in: en))
    }

    func testMarkdownLinksBecomeRelativePageLinks() throws {
        let (site, diagnostics) = try model([
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n[労働](labor.md#技能実習制度) [英語](../en/labor.md) [root](/en/labor/) [自分](#概要)\n\n## 概要\n",
            "Content/ja/labor.md": "---\ntitle: 労働\n---\n## 技能実習制度\n",
            "Content/en/labor.md": "---\ntitle: Labor\n---\n[home](../ja/_index.md) [ext](https://example.org/) [bad](javascript:alert(1))\n",
        ])
        XCTAssertEqual(diagnostics.errors, [])
        XCTAssertEqual(site.page(atURL: "ja/")?.resolvedLinks, [
            .local("labor/#技能実習制度"), .local("../en/labor/"), .local("../en/labor/"), .local("#概要"),
        ])
        XCTAssertEqual(site.page(atURL: "en/labor/")?.resolvedLinks, [.local("../../ja/"), .external("https://example.org/"), .removed])
        XCTAssertEqual(diagnostics.warnings.filter { $0.message.contains("removed") }.count, 1)
    }

    func testBrokenLinksAndAnchorsAreErrorsAtTheLink() throws {
        let (_, diagnostics) = try model([
            "Content/en/a.md": "---\ntitle: A\n---\n\nSee [x](labr.md) and [y](b.md#nowhere).\n[z](/en/gone/)\n",
            "Content/en/b.md": "---\ntitle: B\n---\n## Somewhere\n",
        ])
        XCTAssertEqual(diagnostics.errors.map(\.description), [
            "Content/en/a.md:5:5: error: link to missing page 'labr.md'",
            "Content/en/a.md:5:22: error: link to missing heading '#nowhere' on Content/en/b.md (its headings are #somewhere)",
            "Content/en/a.md:6:1: error: link to missing page '/en/gone/'",
        ])
    }

    func testTwoPagesWithOneURLAreAnError() throws {
        let (_, diagnostics) = try model([
            "Content/en/a.md": "---\ntitle: A\n---\n",
            "Content/en/b.md": "---\ntitle: B\nslug: a\n---\n",
        ])
        XCTAssertEqual(diagnostics.errors.map(\.description), [
            "Content/en/b.md:1:1: error: page writes the same URL en/a/ as Content/en/a.md; change its slug or file name",
        ])
    }

    func testLinkSchemesAreReadAsBrowsersReadThem() {
        XCTAssertEqual(LinkResolver.scheme(of: "JavaScript:alert(1)"), "javascript")
        XCTAssertEqual(LinkResolver.scheme(of: "java\tscript:alert(1)"), "javascript")
        XCTAssertEqual(LinkResolver.scheme(of: " data:text/html,x"), "data")
        XCTAssertEqual(LinkResolver.scheme(of: "https://example.org/"), "https")
        XCTAssertNil(LinkResolver.scheme(of: "labor.md#a:b"))
        XCTAssertNil(LinkResolver.scheme(of: "../x:y"))
        XCTAssertNil(LinkResolver.scheme(of: "2024:report.md"))
    }

    func testRelativePaths() {
        XCTAssertEqual(URLPath.relative(from: "en/a/b/index.html", to: "en/c/"), "../../c/")
        XCTAssertEqual(URLPath.relative(from: "en/a/", to: "en/a/"), "./")
        XCTAssertEqual(URLPath.relative(from: "index.html", to: "ja/"), "ja/")
        XCTAssertEqual(URLPath.relative(from: "en/x/index.html", to: "assets/site.css"), "../../assets/site.css")
        XCTAssertEqual(URLPath.relative(from: "en/", to: "en/report:2024/"), "./report:2024/", "not read as the scheme report:")
        XCTAssertEqual(URLPath.relative(from: "en/a/", to: "en/report:2024/"), "../report:2024/")
        XCTAssertNil(URLPath.normalize("en/../../etc"))
    }

    /// Paths already normal come back as they are; the others are resolved.
    func testNormalizedPaths() {
        let cases: [(String, String?)] = [
            ("en/a/b/", "en/a/b/"), ("en/a/b", "en/a/b"), ("", ""), ("...", "..."), (".well-known/x", ".well-known/x"),
            ("en/a/./b", "en/a/b"), ("en/a/../b/", "en/b/"), ("en//a", "en/a"), ("/en/a", "en/a"), ("en/a/.", "en/a/"),
            ("en/a/..", "en/"), (".", ""), ("./", ""), ("/", ""), ("..", nil), ("en/../../etc", nil),
        ]
        for (path, expected) in cases { XCTAssertEqual(URLPath.normalize(path), expected, path) }
    }

    /// The byte-level `normalize` and `relative` agree with the plain reading of their rules
    /// (`split` into parts, drop `.`, pop for `..`) on many random paths.
    func testPathFunctionsAgreeWithTheirRulesOnRandomPaths() {
        var random = SplitMix64(seed: 11)
        let pieces = ["a", "bc", "é", ".", "..", "/", "/", "...", "x.md", "index.html", "r:1"]
        func path() -> String { random.text(of: pieces, count: 0...7) }
        for _ in 0..<3000 {
            let one = path(), other = path()
            XCTAssertEqual(URLPath.normalize(one), Self.normalizeByParts(one), one)
            if let from = URLPath.normalize(one), let to = URLPath.normalize(other) {
                XCTAssertEqual(URLPath.relative(from: from, to: to), Self.relativeByParts(from: from, to: to), "\(from) → \(to)")
            }
        }
    }

    private static func normalizeByParts(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
            } else {
                parts.append(part)
            }
        }
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let trailing = path.hasSuffix("/") || last == "." || last == ".."
        let joined = parts.joined(separator: "/")
        return trailing && !joined.isEmpty ? joined + "/" : joined
    }

    private static func relativeByParts(from: String, to: String) -> String {
        let fromParts = URLPath.folder(of: from).split(separator: "/")
        let toParts = to.split(separator: "/")
        let toIsFolder = to.hasSuffix("/") || to.isEmpty
        var common = 0
        while common < fromParts.count, common < (toIsFolder ? toParts.count : toParts.count - 1),
              fromParts[common] == toParts[common] { common += 1 }
        let parts = Array(repeating: "..", count: fromParts.count - common) + toParts[common...].map(String.init)
        let joined = parts.joined(separator: "/")
        let safe = parts.first?.contains(":") ?? false ? "./" + joined : joined
        return joined.isEmpty ? "./" : safe + (toIsFolder ? "/" : "")
    }

    func testEncodedPaths() {
        XCTAssertEqual(URLPath.encode("en/abc-1/"), "en/abc-1/")
        XCTAssertEqual(URLPath.encode("en/a b/"), "en/a%20b/")
        XCTAssertEqual(URLPath.encode("a%2Fb"), "a%252Fb", "a name on disk: its % is a character, encoded like any other")
        XCTAssertEqual(URLPath.encode("100%"), "100%25")
        XCTAssertEqual(URLPath.encode("日本"), "%E6%97%A5%E6%9C%AC")
        XCTAssertEqual(URLPath.encode("日本", keepNonASCII: true), "日本")
        XCTAssertEqual(URLPath.encode("日 本", keepNonASCII: true), "日%20本")
    }
}

final class LinkSubstitutionTests: XCTestCase {
    func testPlaceholdersBecomeTheResolvedTargets() {
        let html = "<p>a=b <a href=\"hashi-link:0\">local</a> <a href=\"hashi-link:1\">out</a> "
            + "<img src=\"hashi-link:1\" alt=\"x\"> <a href=\"hashi-link:2\">gone</a> <img src=\"hashi-link:2\"> "
            + "<a href=\"hashi-link:9\">unknown</a> x=\"hashi-link:\" 日本=\"\"</p>\n"
        let links: [ResolvedLink] = [.local("../shelter/#避難&x"), .external("https://example.org/?a=1&b=2"), .removed]
        XCTAssertEqual(LinkSubstitution.apply(links, to: html),
                       "<p>a=b <a href=\"../shelter/#避難&amp;x\">local</a> "
                       + "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\">out</a> "
                       + "<img src=\"https://example.org/?a=1&amp;b=2\" alt=\"x\"> <a>gone</a> <img src=\"\"> "
                       + "<a href=\"hashi-link:9\">unknown</a> x=\"hashi-link:\" 日本=\"\"</p>\n")
        XCTAssertEqual(LinkSubstitution.apply([], to: html), html)
    }
}
