import Foundation
@testable import HashiKit
@testable import HashiContent
@testable import HashiSupport
import XCTest

/// What `hashi serve` holds in memory after each kind of edit is, byte for byte, what a clean
/// build of the same files writes.
final class ServeEqualityTests: XCTestCase {
    /// The repository's site and theme, copied so the test may edit them.
    func copySite() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in ["Content", "Templates"] {
            try FileManager.default.copyItem(atPath: Repository.root + "/" + name, toPath: folder.path + "/" + name)
        }
        return folder
    }

    func options(_ folder: TemporaryFolder, output: String) -> BuildOptions {
        BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [folder.path + "/Templates"],
                     outputDirectory: folder.path + "/" + output)
    }

    /// The site without hashi's own state, which serve keeps but does not answer.
    func site(_ files: [String: [UInt8]]) -> [String: [UInt8]] {
        files.filter { !$0.key.hasPrefix(".hashi/") }
    }

    /// The files edited since the last rebuild, as a watcher names them.
    var changed: Set<String> = []
    /// Whether rebuilds are told which files changed (as `hashi serve`'s watcher does), or look at every file.
    var namesChanges = false

    @discardableResult
    func assertServedEqualsCleanBuild(_ folder: TemporaryFolder, _ session: BuildSession, after edit: String,
                                      file: StaticString = #filePath, line: UInt = #line) -> BuildResult {
        let memory = session.memory
        let served = session.rebuild(changed: namesChanges ? changed : nil)
        changed = []
        XCTAssertTrue(served.succeeded, "\(edit): \(served.diagnostics.errors)", file: file, line: line)
        let clean = "Clean-" + UUID().uuidString
        let built = Build(options: options(folder, output: clean)).run()
        XCTAssertTrue(built.succeeded, edit, file: file, line: line)
        var written: [String: [UInt8]] = [:]
        for (path, data) in Repository.snapshot(folder.path + "/" + clean) { written[path] = Array(data) }
        let servedSite = site(memory.files)
        XCTAssertEqual(Set(servedSite.keys), Set(site(written).keys), edit, file: file, line: line)
        let different = servedSite.keys.filter { servedSite[$0] != written[$0] }.sorted()
        XCTAssertEqual(different, [], "\(edit): files that differ from a clean build", file: file, line: line)
        try? FileManager.default.removeItem(atPath: folder.path + "/" + clean)
        return served
    }

    func edit(_ folder: TemporaryFolder, _ path: String, _ change: (String) -> String) throws {
        let full = folder.path + "/" + path
        let before = try String(contentsOfFile: full, encoding: .utf8)
        let after = change(before)
        XCTAssertNotEqual(after, before, "the edit of \(path) changes it")
        try after.write(toFile: full, atomically: false, encoding: .utf8)
        changed.insert(full)
    }

    func write(_ folder: TemporaryFolder, _ files: [String: String]) throws {
        try folder.write(files)
        changed.formUnion(files.keys.map { folder.path + "/" + $0 })
    }

    func remove(_ folder: TemporaryFolder, _ path: String) throws {
        try FileManager.default.removeItem(atPath: folder.path + "/" + path)
        changed.insert(folder.path + "/" + path)
    }

    func testEveryKindOfEditServesWhatACleanBuildWrites() throws {
        try everyKindOfEdit()
    }

    /// The same, with every file's stamp trusted at once (as files left alone for a few seconds are).
    func testEveryKindOfEditFromKnownStampsServesWhatACleanBuildWrites() throws {
        FileStamp.settledAfter = 0
        defer { FileStamp.settledAfter = 3 }
        try everyKindOfEdit()
    }

    /// The same, each rebuild told which files changed, as `hashi serve`'s watcher tells it: an edit
    /// of pages reads only those, and anything else still loads the site whole.
    func testEveryKindOfEditNamedByTheWatcherServesWhatACleanBuildWrites() throws {
        namesChanges = true
        try everyKindOfEdit()
    }

    func everyKindOfEdit() throws {
        let folder = try copySite()
        let session = BuildSession(options: options(folder, output: "Served"))
        assertServedEqualsCleanBuild(folder, session, after: "the first build")
        XCTAssertTrue(session.rebuild(changed: namesChanges ? [] : nil).succeeded)
        XCTAssertFalse(session.memory.lastCommitChanged, "a rebuild that changes nothing reloads no page")

        try edit(folder, "Content/en/about.md") { $0 + "\nA new closing line.\n" }
        let bodyEdit = assertServedEqualsCleanBuild(folder, session, after: "a body edit")
        XCTAssertEqual(bodyEdit.parsedFiles, 1, "only the edited file is parsed again")
        XCTAssertEqual(bodyEdit.renderedPages, 1, "only its page is rendered again")
        XCTAssertEqual(session.loads.quickLoads, namesChanges ? 2 : 0, "told the page that changed, a rebuild reads only that file")
        XCTAssertTrue(session.memory.lastCommitChanged)
        try anchorEdits(folder, session)
        try stampedTranslationEdits(folder, session)
        try edit(folder, "Content/en/about.md") { $0.replacingOccurrences(of: "title: About this site", with: "title: About us") }
        assertServedEqualsCleanBuild(folder, session, after: "a title edit")
        let description = "description: What this site is, where its information comes from, and the license of its text.\n"
        try edit(folder, "Content/en/about.md") { $0.replacingOccurrences(of: description, with: "draft: false\n") }
        assertServedEqualsCleanBuild(folder, session, after: "a description taken out: the first paragraph shows")
        try edit(folder, "Content/en/about.md") { $0.replacingOccurrences(of: "draft: false\n", with: description) }
        assertServedEqualsCleanBuild(folder, session, after: "a description put back")
        try write(folder, ["Content/en/new-page.md": "---\ntitle: A new page\n---\nSee [about](about.md).\n"])
        assertServedEqualsCleanBuild(folder, session, after: "a new page")
        try remove(folder, "Content/en/new-page.md")
        assertServedEqualsCleanBuild(folder, session, after: "a deleted page")
        try edit(folder, "Templates/layouts/page.mustache") { "<!-- edited -->\n" + $0 }
        assertServedEqualsCleanBuild(folder, session, after: "a template edit")
        try edit(folder, "Templates/i18n/en.yaml") { $0.replacingOccurrences(of: "Skip to main content", with: "Skip to the content") }
        assertServedEqualsCleanBuild(folder, session, after: "a UI string edit")
        try edit(folder, "Content/site.yaml") { $0.replacingOccurrences(of: "title: Human Trafficking in Japan", with: "title: Trafficking in Japan") }
        assertServedEqualsCleanBuild(folder, session, after: "a site.yaml edit")
        try edit(folder, "Content/data/reporting-channels.yaml") {
            $0.replacingOccurrences(of: "Emergency calls when someone is in danger now", with: "Call when someone is in danger now")
        }
        assertServedEqualsCleanBuild(folder, session, after: "a channels data edit")

        // What serve writes when it stops is that site too, with a cache a later `hashi build` uses whole.
        try session.write()
        XCTAssertTrue(Build(options: options(folder, output: "Clean")).run().succeeded)
        let written = Repository.snapshot(folder.path + "/Served").filter { !$0.key.hasPrefix(".hashi/") }
        XCTAssertEqual(written, Repository.snapshot(folder.path + "/Clean").filter { !$0.key.hasPrefix(".hashi/") })
        let next = Build(options: options(folder, output: "Served")).run()
        XCTAssertEqual(next.parsedFiles, 0)
        XCTAssertEqual(next.renderedPages, 0)
    }

    /// A heading renamed breaks an anchor of a page that did not change, and mends it when named back.
    func anchorEdits(_ folder: TemporaryFolder, _ session: BuildSession) throws {
        try edit(folder, "Content/en/about.md") { $0.replacingOccurrences(of: "## License", with: "## The license") }
        assertServedEqualsCleanBuild(folder, session, after: "a heading edit")
        try write(folder, ["Content/en/pointer.md": "---\ntitle: Pointer\n---\nSee [the license](about.md#the-license).\n"])
        assertServedEqualsCleanBuild(folder, session, after: "a page with an anchor to another")
        try edit(folder, "Content/en/about.md") { $0.replacingOccurrences(of: "## The license", with: "## Its license") }
        let broken = session.rebuild(changed: namesChanges ? changed : nil)
        changed = []
        XCTAssertEqual(broken.diagnostics.errors.map(\.code), ["link.missing-heading"], "an anchor of a page that did not change")
        try edit(folder, "Content/en/about.md") { $0.replacingOccurrences(of: "## Its license", with: "## The license") }
        assertServedEqualsCleanBuild(folder, session, after: "the heading named back")
        try remove(folder, "Content/en/pointer.md")
        assertServedEqualsCleanBuild(folder, session, after: "the page with the anchor deleted")
    }

    /// A translation that records its source's hash turns stale when only the source's body changes.
    func stampedTranslationEdits(_ folder: TemporaryFolder, _ session: BuildSession) throws {
        let source = try XCTUnwrap(FrontMatterParser.split(try String(contentsOfFile: folder.path + "/Content/ja/about.md", encoding: .utf8),
                                                           file: "ja/about.md").0)
        try edit(folder, "Content/en/about.md") { $0.replacingOccurrences(of: "weight: 100", with: "weight: 100\ntranslatedFrom: \(SourceHash.of(source.body))") }
        assertServedEqualsCleanBuild(folder, session, after: "a translation stamped with its source's hash")
        XCTAssertFalse(String(decoding: session.memory.file("en/about/index.html") ?? [], as: UTF8.self).contains("translated from an earlier version"))
        try edit(folder, "Content/ja/about.md") { $0 + "\n新しい一文です。\n" }
        assertServedEqualsCleanBuild(folder, session, after: "the source of a stamped translation edited")
        XCTAssertTrue(String(decoding: session.memory.file("en/about/index.html") ?? [], as: UTF8.self).contains("translated from an earlier version"))
    }

    func testAFailedBuildKeepsTheLastGoodSiteInMemory() throws {
        let folder = try copySite()
        let session = BuildSession(options: options(folder, output: "Served"))
        XCTAssertTrue(session.rebuild().succeeded)
        let good = session.memory.files
        try edit(folder, "Content/en/about.md") { $0 + "\n[broken](nowhere.md)\n" }
        XCTAssertFalse(session.rebuild().succeeded)
        XCTAssertEqual(session.memory.files, good)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/Served"), "serve writes nothing by itself")
    }
}
