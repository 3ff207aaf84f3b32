import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// The pipeline as a whole: what hashi writes itself is never replaced by an author's page, a
/// check fails exactly where a build fails, and `--strict` reaches every warning.
final class PipelineTests: XCTestCase {
    func site(_ files: [String: String]) throws -> TemporaryFolder {
        try creditedSite(files: files)
    }

    func run(_ folder: TemporaryFolder, templates: [String] = [Repository.templates], strict: Bool = false,
             check: Bool = false) -> BuildResult {
        var options = BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: templates,
                                   outputDirectory: folder.path + "/Output", dryRun: check)
        options.strict = strict
        return Build(options: options).run()
    }

    func testAnAuthorPageWhereHashiWritesTheChannelsEmbedPageIsAnErrorNamingBoth() throws {
        let folder = try site(["Content/en/channels-embed.md": "---\ntitle: My own embed page\n---\nHello.\n"])
        let errors = run(folder).diagnostics.errors.map(\.description)
        XCTAssertEqual(errors, [folder.path + "/Content/en/channels-embed.md:1:1: error: this page would be written to "
                                + "en/channels-embed/index.html, where hashi writes the embeddable reporting channels of \"en\" "
                                + "(en/channels-embed/); change its slug or file name"])
        XCTAssertFalse(folder.exists("Output"), "nothing is written")
    }

    func testAPageInsideTheSearchFolderIsAnError() throws {
        let folder = try site(["Content/ja/search/tips.md": "---\ntitle: 検索のこつ\n---\n"])
        let errors = run(folder).diagnostics.errors.map(\.message)
        XCTAssertEqual(errors, ["this page would be written to ja/search/tips/index.html, where hashi writes the search page and "
                                + "index of \"ja\" (ja/search/); change its slug or file name"])
    }

    func testCheckFailsWhereBuildFailsOnAFooterThatDropsTheCredit() throws {
        let folder = try site(["Overlay/partials/footer.mustache": "<footer><p>Only us</p></footer>\n"])
        let templates = [folder.path + "/Overlay", Repository.templates]
        let checked = run(folder, templates: templates, check: true)
        XCTAssertTrue(checked.diagnostics.errors.contains { $0.message.contains("do not show the credit line") }, "\(checked.diagnostics)")
        XCTAssertEqual(checked.diagnostics, run(folder, templates: templates).diagnostics)
        XCTAssertFalse(folder.exists("Output"))
    }

    func testStrictTurnsAWarningOfTheIndexStageIntoAnError() throws {
        let long = String(repeating: "A sentence of the page that goes on. ", count: 30_000)
        let folder = try site(["Content/en/long.md": "---\ntitle: Long\n---\n" + long + "\n",
                               "Content/ja/long.md": "---\ntitle: 長い\n---\n短い。\n"])
        let relaxed = run(folder, check: true)
        XCTAssertEqual(relaxed.diagnostics.errors, [])
        XCTAssertTrue(relaxed.diagnostics.warnings.contains { $0.message.contains("can be found by search") })
        for check in [true, false] {
            let strict = run(folder, strict: true, check: check)
            XCTAssertTrue(strict.diagnostics.errors.contains { $0.message.contains("can be found by search") }, "check: \(check)")
            XCTAssertFalse(strict.succeeded)
        }
        XCTAssertFalse(folder.exists("Output"), "a strict build with a warning puts nothing in place")
    }

    func testCheckAndBuildAgreeOnEveryFixture() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: Repository.fixtures).filter {
            FileManager.default.fileExists(atPath: Repository.fixtures + "/" + $0 + "/Content")
        }
        XCTAssertFalse(fixtures.isEmpty)
        for name in fixtures.sorted() {
            let fixture = Repository.fixtures + "/" + name
            var templates = [Repository.fixtures + "/Theme"]
            if FileManager.default.fileExists(atPath: fixture + "/Templates") { templates.insert(fixture + "/Templates", at: 0) }
            for strict in [false, true] {
                let scratch = try TemporaryFolder()
                var options = BuildOptions(contentDirectory: fixture + "/Content", templateDirectories: templates,
                                           outputDirectory: scratch.path + "/Output", dryRun: true)
                options.strict = strict
                let checked = Build(options: options).run()
                options.dryRun = false
                let built = Build(options: options).run()
                XCTAssertEqual(checked.diagnostics, built.diagnostics, "\(name), strict: \(strict)")
                XCTAssertEqual(checked.succeeded, built.succeeded, "\(name), strict: \(strict)")
            }
        }
    }

    /// A check after a build does what a rebuild would do, writing nothing: quick, and the same verdict.
    func testACheckAfterABuildRendersNothingAnewAndStillFindsWhatABuildWould() throws {
        let folder = try site([:])
        XCTAssertEqual(run(folder).diagnostics.errors, [])
        let before = folder.files(under: "Output").map { $0 + "\n" + (folder.read("Output/" + $0) ?? "") }
        let checked = run(folder, check: true)
        XCTAssertEqual(checked.diagnostics.errors, [])
        XCTAssertEqual(checked.renderedPages, 0, "every page is as the build left it")
        try folder.write(["Overlay/partials/footer.mustache": "<footer><p>Only us</p></footer>\n"])
        let templates = [folder.path + "/Overlay", Repository.templates]
        let failed = run(folder, templates: templates, check: true)
        XCTAssertEqual(failed.diagnostics, run(folder, templates: templates).diagnostics)
        XCTAssertTrue(failed.diagnostics.errors.contains { $0.message.contains("credit line") })
        XCTAssertEqual(folder.files(under: "Output").map { $0 + "\n" + (folder.read("Output/" + $0) ?? "") }, before, "nothing written")
    }
}
