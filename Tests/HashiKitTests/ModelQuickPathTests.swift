import XCTest
@testable import HashiContent
@testable import HashiSupport

/// The Model stage's quick paths give what their plain twins give, on random input.
final class ModelQuickPathTests: XCTestCase {
    func testQuickURLAgreesWithThePlainRule() {
        var random = SplitMix64(seed: 41)
        let pieces = ["a", "bc", "/", "/", "//", "_index.md", "x.md", ".md", "é", "\r\n", "md", "."]
        var checked = 0
        for _ in 0..<4000 {
            let path = random.text(of: pieces, count: 1...6)
            guard !path.split(separator: "/").isEmpty else { continue }
            let slug = [nil, "s", "", "スラッグ"].randomElement(using: &random)!
            let code = ["en", "pt-BR"].randomElement(using: &random)!
            let plain = SiteBuilder.plainURL(path: path, code: code, slug: slug)
            if let quick = SiteBuilder.quickURL(path: path, code: code, slug: slug) {
                XCTAssertEqual(Array(quick.utf8), Array(plain.utf8), "\(path) \(slug ?? "nil")")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testQuickOwnerAgreesWithThePlainRule() {
        let languages = [Language(code: "en", name: "English", title: "E", order: 0), Language(code: "ja", name: "日本語", title: "J", order: 1)]
        let generated = GeneratedOutputs(languages: languages, defaultLanguage: languages[0], hasChannels: true)
        var random = SplitMix64(seed: 43)
        let pieces = ["en/", "ja/", "search/", "index.html", "404.html", "assets/", "data/", ".hashi/", "x", "/", "é", "\r\n", "\u{301}",
                      "sitemap.xml", "channels-embed/", "translation-status/"]
        var checked = 0
        for _ in 0..<4000 {
            let path = random.text(of: pieces, count: 1...4)
            let plain = generated.plainOwner(of: path)?.path
            if let quick = generated.quickOwner(of: path) {
                XCTAssertEqual(quick?.path, plain, path)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    /// Titles of many scripts, composed and not, sort the same by bytes where the quick order uses them.
    func testQuickListOrderAgreesWithThePlainOrder() {
        var random = SplitMix64(seed: 53)
        let pieces = ["a", "A", "b", "é", "e\u{301}", "Å", "\u{212B}", "が", "か\u{3099}", "か", "日", "本", "ー", "Ｚ", "ﾀ", "Ω", " ", "1", "ǅ",
                      "\u{F900}", "한", "ア", "〜", "ä", "a\u{308}", "\u{0}"]
        for _ in 0..<500 {
            let keys: [Site.ListKey] = (0..<Int.random(in: 0...30, using: &random)).map { _ in
                (Int.random(in: 0...2, using: &random), random.text(of: pieces, count: 0...4), "en/" + random.text(of: ["a", "b", "é"], count: 0...3) + "/")
            }
            XCTAssertEqual(Site.quickListOrder(keys), Site.plainListOrder(keys), "\(keys)")
        }
        XCTAssertTrue(Site.ordersByBytes("日本語のページ ABC"))
        XCTAssertFalse(Site.ordersByBytes("か\u{3099}"))
    }

    func testKeptBytesAgreeWithThePlainList() {
        for byte in UInt8.min...UInt8.max { XCTAssertEqual(URLPath.keeps(byte), URLPath.plainKeeps(byte), "\(byte)") }
    }

    /// Every link of a site with pages, sections, headings and a copied file, resolved both ways.
    func testQuickLinksAgreeWithThePlainResolver() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": bilingualSiteYAML,
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n# Top\n",
            "Content/en/a/_index.md": "---\ntitle: A\n---\n## Intro\n",
            "Content/en/a/b.md": "---\ntitle: B\n---\n## One\n## Two\n",
            "Content/en/c.md": "---\ntitle: C\nslug: see\n---\n# C\n",
            "Content/en/a/map.png": "png",
        ])
        let (content, loadDiagnostics) = ContentLoader(contentDirectory: folder.path + "/Content", displayDirectory: "Content").load()
        let loaded = try XCTUnwrap(content, "\(loadDiagnostics)")
        let documents = DocumentStore(parsing: loaded)
        let (site, _) = SiteBuilder(content: loaded).build(documents: documents)
        let resolver = LinkResolver(site: site, generated: site.generatedOutputs, documents: documents)
        XCTAssertNotNil(resolver.quickPaths)
        var random = SplitMix64(seed: 47)
        let pieces = ["/", "../", "./", "en/", "a/", "b/", "see/", "c.md", "map.png", "#one", "#two", "#nope", "?q=1", "%20", "https://",
                      "http:", "mailto:", "index.html", "..", "é", " ", "ja/", "search/", "HTTPS://", "x", "#", "?"]
        var checked = 0
        for _ in 0..<3000 {
            let link = LinkReference(destination: random.text(of: pieces, count: 1...5), isImage: false,
                                     location: SourceLocation(file: "f"))
            for page in site.pages {
                let folder = page.source.language.code + "/" + URLPath.folder(of: page.source.relativePath)
                var quickAnchors: Set<String> = [], plainAnchors: Set<String> = []
                let plain = resolver.plainResolve(link, on: page, sourceFolder: folder, anchorPages: &plainAnchors)
                guard let quick = resolver.quickResolve(link, on: page, sourceFolder: folder, anchorPages: &quickAnchors) else { continue }
                XCTAssertEqual(quick, plain, "\(link.destination) on \(page.url)")
                XCTAssertEqual(quickAnchors, plainAnchors, link.destination)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }
}
