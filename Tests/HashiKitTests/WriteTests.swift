import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

final class WriteTests: XCTestCase {
    let site = [
        "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
        "Content/en/_index.md": "---\ntitle: Home\n---\nHello.\n",
    ]

    func testAForeignNonEmptyOutputFolderIsLeftUntouched() throws {
        let folder = try TemporaryFolder(site.merging(["Output/thesis.docx": "years of work"]) { a, _ in a })
        let result = folder.build()
        XCTAssertTrue(result.diagnostics.errors.first?.message.contains("not made by hashi") ?? false, "\(result.diagnostics)")
        XCTAssertEqual(folder.files(under: "Output"), ["thesis.docx"])
        XCTAssertEqual(folder.read("Output/thesis.docx"), "years of work")
    }

    func testARebuildReplacesTheOldSiteAndKeepsThePlaceholder() throws {
        let folder = try TemporaryFolder(site.merging(["Output/.gitkeep": "", "Content/en/old.md": "---\ntitle: Old\n---\n"]) { a, _ in a })
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        XCTAssertTrue(folder.exists("Output/en/old/index.html"))
        try FileManager.default.removeItem(atPath: folder.path + "/Content/en/old.md")
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        XCTAssertFalse(folder.exists("Output/en/old/index.html"), "a deleted page's output goes too")
        XCTAssertTrue(folder.exists("Output/.gitkeep"))
        XCTAssertTrue(folder.exists("Output/.hashi/marker"))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(siblings.sorted(), ["Content", "Output", "Output.hashi-staging"], "nothing but the staging folder beside the output")
    }

    func testAFailedBuildLeavesThePreviousSiteAsItWas() throws {
        let folder = try TemporaryFolder(site)
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let before = folder.read("Output/en/index.html")
        try folder.write(["Content/en/_index.md": "---\ntitle: Home\n---\n[broken](nowhere.md)\n"])
        XCTAssertTrue(folder.build().diagnostics.hasErrors)
        XCTAssertEqual(folder.read("Output/en/index.html"), before)
    }

    func testCheckWritesNothing() throws {
        let folder = try TemporaryFolder(site)
        XCTAssertEqual(folder.build(dryRun: true).diagnostics.errors, [])
        XCTAssertFalse(folder.exists("Output"))
    }

    /// Rebuilds write over the site kept in staging; whatever it held, the output equals a clean build.
    func testRebuildsOverAKeptSiteEqualACleanBuild() throws {
        let folder = try TemporaryFolder(site.merging(["Content/en/old.md": "---\ntitle: Old\n---\n", "Content/en/img": "a file"]) { a, _ in a })
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        // The file "img" becomes a folder, a page goes away: twice, so staging holds each earlier shape once.
        try FileManager.default.removeItem(atPath: folder.path + "/Content/en/old.md")
        try FileManager.default.removeItem(atPath: folder.path + "/Content/en/img")
        try folder.write(["Content/en/img/pic.png": "PNG"])
        for _ in 0..<2 { XCTAssertEqual(folder.build().diagnostics.errors, []) }
        let clean = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: folder.path + "/Content", toPath: clean.path + "/Content")
        XCTAssertEqual(clean.build().diagnostics.errors, [])
        // hashi's state names the content folder (in cached diagnostics), and the two are in different folders.
        let files = folder.files(under: "Output").filter { !$0.hasPrefix(".hashi/") }
        XCTAssertEqual(files, clean.files(under: "Output").filter { !$0.hasPrefix(".hashi/") })
        for file in files {
            XCTAssertEqual(folder.read("Output/" + file), clean.read("Output/" + file), file)
        }
        XCTAssertTrue(files.contains("en/img/pic.png"))
        XCTAssertFalse(files.contains { $0.hasPrefix("en/old") })
    }

    /// A rebuild killed while it moves its files in leaves its journal; carried out again from the
    /// start (as the next build does first), it gives the new site whole, however far the killed
    /// one got, and carrying it out twice changes nothing more.
    func testAJournalCarriedOutAgainGivesTheNewSite() throws {
        let folder = try TemporaryFolder([
            "Output/a/x.html": "old x", "Output/b/y.html": "old y", "Output/img": "a file", "Output/page/index.html": "a folder",
            "Output.hashi-staging/pending/0": "new x", "Output.hashi-staging/pending/1": "new z",
            "Output.hashi-staging/pending/2": "pic", "Output.hashi-staging/pending/3": "now a file",
        ])
        let writer = OutputWriter(outputDirectory: folder.path + "/Output")
        let steps: [OutputJournal.Step] = [
            .move(pending: "0", path: "a/x.html"), .move(pending: "1", path: "c/d/z.html"),
            .move(pending: "2", path: "img/pic.png"), .move(pending: "3", path: "page"),
            .delete("b/y.html"), .delete("img"), .delete("page/index.html"),
        ]
        XCTAssertNil(writer.journal.write(steps))
        XCTAssertEqual(writer.journal.read(), steps)
        // The killed build had moved the first file in.
        XCTAssertEqual(rename(folder.path + "/Output.hashi-staging/pending/0", folder.path + "/Output/a/x.html"), 0)
        for _ in 0..<2 {
            XCTAssertNil(writer.journal.complete())
            XCTAssertEqual(folder.files(under: "Output"), ["a/x.html", "c/d/z.html", "img/pic.png", "page"])
            XCTAssertEqual(folder.read("Output/a/x.html"), "new x")
            XCTAssertEqual(folder.read("Output/page"), "now a file")
            XCTAssertFalse(folder.exists("Output/b"), "an emptied folder goes too")
            XCTAssertFalse(folder.exists("Output.hashi-staging/journal"))
            XCTAssertFalse(folder.exists("Output.hashi-staging/pending"))
        }
    }
}
