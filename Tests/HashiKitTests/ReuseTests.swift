import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// An NGO reusing the site: its brand, its channels laid over the microsite's, the embeddable
/// channels page and the zip, as a visitor or the NGO would see them.
final class ReuseTests: XCTestCase {
    static let channelsYAML = """
    channels:
      - id: police
        emergency: true
        name: {ja: 警察, en: Police}
        purpose: {ja: 緊急, en: Emergencies}
        audience: {ja: だれでも, en: Anyone}
        phone: "110"
      - id: advice
        name: {ja: 相談, en: Advice}
        purpose: {ja: 相談窓口, en: A helpdesk}
        audience: {ja: だれでも, en: Anyone}
        website: https://advice.test/
    """

    func makeSite(brand: String = "", files: [String: String] = [:]) throws -> TemporaryFolder {
        try creditedSite(brand: brand, files: files)
    }

    func build(_ folder: TemporaryFolder, overlay: String? = nil, templates: [String] = [Repository.templates], archive: String? = nil) -> BuildResult {
        var options = BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: templates, outputDirectory: folder.path + "/Output")
        options.overlayDirectory = overlay
        options.archivePath = archive
        return Build(options: options).run()
    }

    // MARK: branding

    func testBrandPutsTheNameLogoContactLicenseAndColourOnEveryPage() throws {
        let folder = try makeSite(brand: """
        brand:
          name: {ja: テスト団体, en: Test NGO}
          logo: logo.svg
          primaryColor: "#0B6E4F"
          contact: "contact@ngo.example"
          license: {ja: 追加部分は CC BY 4.0, en: Our additions are CC BY 4.0}
        """, files: ["Content/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        let result = build(folder)
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(folder.read("Output/assets/brand/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        XCTAssertEqual(folder.read("Output/assets/brand.css")?.contains(":root { --color-primary: #0b6e4f; --color-link: #0b6e4f; }"), true)
        let english = try XCTUnwrap(folder.read("Output/en/channels/index.html"))
        XCTAssertTrue(english.contains("<img class=\"site-header__logo\" src=\"../../assets/brand/logo.svg\" alt=\"\"> "
                                       + "<span class=\"site-header__org site-header__org--beside\">Test NGO</span>"), "the name beside the logo: \(english)")
        XCTAssertTrue(english.contains("<link rel=\"stylesheet\" href=\"../../assets/site.css\">\n<link rel=\"stylesheet\" href=\"../../assets/brand.css\">"))
        XCTAssertTrue(english.contains("<p>contact@ngo.example</p>"))
        XCTAssertTrue(english.contains("<p>Our additions are CC BY 4.0</p>"))
        XCTAssertTrue(english.contains("The text is derived from &quot;the article&quot; and published under CC BY-SA 4.0."), "the source's credit stays")
        let japanese = try XCTUnwrap(folder.read("Output/ja/index.html"))
        XCTAssertTrue(japanese.contains("<span class=\"site-header__org site-header__org--beside\">テスト団体</span>"))
        XCTAssertTrue(japanese.contains("<p>追加部分は CC BY 4.0</p>"))
        XCTAssertFalse(english.contains("style="), "the CSP forbids style attributes: the colour travels in a stylesheet")
        try assertNoBrokenLinks(in: folder.path + "/Output")
    }

    func testNoBrandMeansNoBrandStylesheetOrLogo() throws {
        let folder = try makeSite()
        XCTAssertEqual(build(folder).diagnostics.errors, [])
        XCTAssertFalse(folder.exists("Output/assets/brand.css"))
        XCTAssertFalse(try XCTUnwrap(folder.read("Output/en/index.html")).contains("brand"))
    }

    func testAColourWithTooLittleContrastIsAnErrorAtItsLineSayingTheRatio() throws {
        let folder = try makeSite(brand: "brand:\n  name: X\n  primaryColor: \"#3a7bd5\"\n  colour: red\n  logo: missing.svg\n")
        let result = build(folder)
        XCTAssertEqual(result.diagnostics.errors.map(\.description).sorted(), [
            folder.path + "/Content/site.yaml:12:17: error: \"brand.primaryColor\" #3a7bd5 has a contrast of only 3.77:1 against "
                + "the surface #f3f2f1; links and buttons need 4.5:1 (WCAG AA): choose a darker colour",
            folder.path + "/Content/site.yaml:13:3: error: unknown key \"colour\" in brand (known keys: \"contact\", \"license\", \"logo\", \"name\", \"primaryColor\", \"showName\")",
            folder.path + "/Content/site.yaml:14:9: error: logo \"missing.svg\" not found: put it beside site.yaml or in a templates folder's assets/ (and write assets/…)",
        ])
        XCTAssertFalse(folder.exists("Output/index.html"), "nothing is written")
    }

    func testContrastRatiosMatchWCAG() {
        XCTAssertEqual(ColorContrast.ratio("#000000", "#ffffff") ?? 0, 21, accuracy: 0.001)
        XCTAssertEqual(ColorContrast.ratio("#767676", "#ffffff") ?? 0, 4.54, accuracy: 0.01)
        XCTAssertNil(ColorContrast.failure(of: "#1d4f91"), "the theme's own colour passes")
        XCTAssertNil(ColorContrast.rgb("1d4f91"))
        XCTAssertNil(ColorContrast.rgb("#1d4f9g"))
    }

    // MARK: channels overlay

    func testOverlayChannelsReplaceByIDInPlaceAndAddNewOnesAfter() throws {
        let folder = try makeSite(files: [
            "Overlay/data/reporting-channels.yaml": """
            channels:
              - id: ngo-line
                name: {ja: 団体の窓口, en: NGO line}
                purpose: {ja: 相談, en: Advice}
                audience: {ja: だれでも, en: Anyone}
                phone: "0120-000-000"
              - id: police
                emergency: true
                name: {ja: 警察（110番）, en: Police (110)}
                purpose: {ja: 緊急, en: Emergencies}
                audience: {ja: だれでも, en: Anyone}
                phone: "110"
            """,
        ])
        XCTAssertEqual(build(folder, overlay: folder.path + "/Overlay").diagnostics.errors, [])
        let page = try XCTUnwrap(folder.read("Output/en/channels/index.html"))
        let names = page.components(separatedBy: "<h3 class=\"channel__name\">").dropFirst().map { $0.prefix { $0 != "<" } }
        XCTAssertEqual(names, ["Police (110)", "Advice", "NGO line"])
        let json = try XCTUnwrap(folder.read("Output/data/reporting-channels.json"))
        XCTAssertTrue(json.contains("\"0120-000-000\""))
        XCTAssertTrue(folder.read("Content/data/reporting-channels.yaml") == Self.channelsYAML, "the microsite's file is untouched")
    }

    func testOverlayChannelsAreValidatedLikeTheSites() throws {
        let folder = try makeSite(files: [
            "Overlay/site.yaml": "brand:\n  name: NGO\nlanguages: []\n",
            "Overlay/data/reporting-channels.yaml": "channels:\n  - id: x\n    name: {en: only English}\n    purpose: {ja: a, en: b}\n    audience: {ja: a, en: b}\n    website: http://plain.example/\n",
        ])
        let errors = build(folder, overlay: folder.path + "/Overlay").diagnostics.errors.map(\.description)
        XCTAssertEqual(errors.sorted(), [
            folder.path + "/Overlay/data/reporting-channels.yaml:6:14: error: \"website\" must be an https:// address with a host name, like https://www.gov-online.go.jp/, and no spaces, tabs, line breaks or direction marks",
            folder.path + "/Overlay/site.yaml:3:1: error: unknown key \"languages\" in an overlay's site.yaml (known keys: \"baseURL\", \"brand\")",
        ])
    }

    func testAFooterThatDropsTheSourceCreditIsAnError() throws {
        let folder = try makeSite(files: ["Overlay/partials/footer.mustache": "<footer><p>Only us</p></footer>\n"])
        let result = build(folder, templates: [folder.path + "/Overlay", Repository.templates])
        XCTAssertEqual(result.diagnostics.errors.map(\.description).sorted(), [
            folder.path + "/Overlay/partials/footer.mustache:1:1: error: 2 page(s) of \"en\" (first: en/channels/index.html) do not show "
                + "the credit line of site.yaml's \"footer\": keep {{footer}} in the footer partial",
            folder.path + "/Overlay/partials/footer.mustache:1:1: error: 2 page(s) of \"ja\" (first: ja/channels/index.html) do not show "
                + "the credit line of site.yaml's \"footer\": keep {{footer}} in the footer partial",
        ])
        XCTAssertFalse(folder.exists("Output"), "nothing is written")
    }

    // MARK: embeddable channels page

    func testTheEmbeddableChannelsPageIsSelfContained() throws {
        let folder = try makeSite(brand: "brand:\n  name: Test NGO\n  primaryColor: \"#0b6e4f\"\n")
        XCTAssertEqual(build(folder).diagnostics.errors, [])
        for code in ["ja", "en"] {
            let page = try XCTUnwrap(folder.read("Output/\(code)/channels-embed/index.html"))
            XCTAssertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; base-uri 'none'; form-action 'none'\">"))
            XCTAssertTrue(page.contains("<style>") && page.contains("--color-primary: #0b6e4f;"))
            XCTAssertFalse(page.contains("<script"))
            XCTAssertFalse(page.contains("<link"), "no stylesheet or other file to carry along")
            for target in Self.references(in: page) {
                XCTAssertTrue(target.hasPrefix("tel:") || target.hasPrefix("https://"), "\(target) would break once copied elsewhere")
            }
            XCTAssertTrue(page.contains("id=\"channel-police\"") && page.contains("id=\"channel-advice\""))
        }
        XCTAssertTrue(try XCTUnwrap(folder.read("Output/en/channels-embed/index.html")).contains("published under CC BY-SA 4.0"))
    }

    // MARK: archive

    func testTheArchiveHoldsEveryFileOfTheSiteButHashisOwn() throws {
        let folder = try makeSite()
        let result = build(folder, archive: folder.path + "/site.zip")
        XCTAssertEqual(result.diagnostics.errors, [])
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            bad = z.testzip()
            assert bad is None, bad
            z.extractall(sys.argv[2])
            """, folder.path + "/site.zip", folder.path + "/Unzipped"]
        try python.run()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, "Python's zipfile accepts the archive")
        let built = folder.files(under: "Output").filter { !$0.hasPrefix(".hashi/") }
        XCTAssertEqual(folder.files(under: "Unzipped/site"), built)
        XCTAssertTrue(built.contains("en/channels/index.html"))
        for path in built {
            XCTAssertEqual(FileManager.default.contents(atPath: folder.path + "/Unzipped/site/" + path),
                           FileManager.default.contents(atPath: folder.path + "/Output/" + path), path)
        }
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926, "the CRC-32 check value")
    }
}

/// The worked example of docs/REUSE.md: the microsite with Examples/ngo-overlay over it.
final class WorkedExampleTests: XCTestCase {
    static var example: String { Repository.root + "/Examples/ngo-overlay" }

    func testTheOverlayFooterIsOnEveryPageAndTheBaseThemeIsUntouched() throws {
        let before = Repository.snapshot(Repository.templates)
        let scratch = try TemporaryFolder()
        var options = BuildOptions(contentDirectory: Repository.content,
                                   templateDirectories: [Self.example + "/Templates", Repository.templates],
                                   outputDirectory: scratch.path + "/Output")
        options.overlayDirectory = Self.example
        let result = Build(options: options).run()
        XCTAssertEqual(result.diagnostics.errors, [])
        // A copy left as it is must not go live quietly: each leftover of the example is a warning at its line.
        let warnings = result.diagnostics.warnings.map { $0.description.replacingOccurrences(of: Self.example + "/", with: "") }
        XCTAssertTrue(warnings.contains("site.yaml:10:26: warning: \"ngo.example\" is an example address that reaches no one: put your organisation's own"), "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.hasPrefix("data/reporting-channels.yaml:6:5: warning: channel \"example-support-network\" is the example's") })
        XCTAssertTrue(warnings.contains { $0.hasPrefix("Templates/partials/footer.mustache:6:106: warning: \"Example Support Network\" is the example organisation") })
        XCTAssertEqual(Repository.snapshot(Repository.templates), before, "Templates/ is the same, byte for byte")
        XCTAssertGreaterThan(before.count, 10)

        let pages = scratch.files(under: "Output").filter { $0.hasSuffix("index.html") && $0.contains("/") && !$0.contains("channels-embed") }
        XCTAssertGreaterThan(pages.count, 20)
        for path in pages {
            let html = try XCTUnwrap(scratch.read("Output/" + path))
            XCTAssertTrue(html.contains("<span lang=\"en\">Shared by Example Support Network.</span>"), "\(path) shows the NGO's footer")
            XCTAssertTrue(html.contains("CC BY-SA 4.0"), "\(path) keeps the source's credit and license")
            XCTAssertTrue(html.contains("src=\"" + URLPath.rootPrefix(from: path) + "assets/brand/logo.svg\""), "\(path) shows the logo")
        }
        XCTAssertTrue(try XCTUnwrap(scratch.read("Output/en/report/index.html")).contains("Example Support Network helpdesk (example)"))
        XCTAssertTrue(try XCTUnwrap(scratch.read("Output/data/reporting-channels.json")).contains("\"example-support-network\""))
        try assertNoBrokenLinks(in: scratch.path + "/Output")
    }

    func testTheOverlayThemeAndSiteYAMLTemplatesComeBeforeTheBaseTheme() throws {
        var options = BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates])
        options.overlayDirectory = Self.example
        XCTAssertEqual(LoadStage(options: options, cache: BuildCache()).templateFolders(named: ["../Examples/ngo-overlay/Templates", "Theme"]),
                       [Self.example + "/Templates", Repository.content + "/Theme", Repository.templates],
                       "the overlay's Templates/ first, named once; then site.yaml's; then --templates")
        let scratch = try TemporaryFolder()
        options.outputDirectory = scratch.path + "/Output"
        XCTAssertEqual(Build(options: options).run().diagnostics.errors, [])
        XCTAssertTrue(try XCTUnwrap(scratch.read("Output/en/index.html")).contains("Shared by Example Support Network."),
                      "no --templates needed for the overlay's own theme")
    }
}
