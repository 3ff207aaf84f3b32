import XCTest
@testable import HashiKit

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
        XCTAssertEqual(siblings.sorted(), ["Content", "Output"], "no staging folder is left behind")
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
}
