import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// Rebuilding into an output hashi made earlier: only what an edit touches is made again, and the
/// result is always, byte for byte, what a clean build of the same content gives.
final class IncrementalTests: XCTestCase {
    /// The microsite and its theme, copied so the test can edit them.
    func makeSite() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/Content")
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
        return folder
    }

    func build(_ folder: TemporaryFolder, into output: String) -> BuildResult {
        Build(options: BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [folder.path + "/Templates"],
                                    outputDirectory: folder.path + "/" + output)).run()
    }

    func edit(_ folder: TemporaryFolder, _ path: String, _ change: (String) -> String) throws {
        let text = try XCTUnwrap(folder.read(path), path)
        try folder.write([path: change(text)])
    }

    /// Builds in place, then cleanly into a fresh folder, and requires the same files and bytes,
    /// hashi's own state included.
    @discardableResult
    func assertRebuildEqualsClean(_ folder: TemporaryFolder, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> BuildResult {
        let result = build(folder, into: "Output")
        XCTAssertEqual(result.diagnostics.errors, [], what, file: file, line: line)
        try? FileManager.default.removeItem(atPath: folder.path + "/Clean")
        try? FileManager.default.removeItem(atPath: folder.path + "/Clean.hashi-staging")
        XCTAssertEqual(build(folder, into: "Clean").diagnostics.errors, [], what, file: file, line: line)
        let files = folder.files(under: "Output")
        XCTAssertEqual(files, folder.files(under: "Clean"), what, file: file, line: line)
        for path in files where folder.read("Output/" + path) != folder.read("Clean/" + path) {
            XCTFail("\(what): \(path) differs from a clean build", file: file, line: line)
            if path == OutputWriter.manifestPath {
                // Which files' keys differ.
                let rebuilt = Set((folder.read("Output/" + path) ?? "").split(separator: "\n"))
                let clean = Set((folder.read("Clean/" + path) ?? "").split(separator: "\n"))
                XCTFail("\(what): rebuilt \(rebuilt.subtracting(clean).sorted()), clean \(clean.subtracting(rebuilt).sorted())", file: file, line: line)
            }
        }
        return result
    }

    func testEveryKindOfEditRebuiltInPlaceEqualsACleanBuild() throws {
        try everyKindOfEdit()
    }

    /// The same, with every file's stamp trusted at once (as files left alone for a few seconds
    /// are): the files not edited are not read again.
    func testEveryKindOfEditRebuiltFromKnownStampsEqualsACleanBuild() throws {
        FileStamp.settledAfter = 0
        defer { FileStamp.settledAfter = 3 }
        try everyKindOfEdit()
    }

    func everyKindOfEdit() throws {
        let folder = try makeSite()
        XCTAssertEqual(build(folder, into: "Output").diagnostics.errors, [])
        assertRebuildEqualsClean(folder, "nothing changed")
        try edit(folder, "Content/en/history.md") { $0 + "\nA sentence added at the end about the 2004 action plan.\n" }
        assertRebuildEqualsClean(folder, "a body edited")
        try edit(folder, "Content/ja/history.md") { $0.replacingOccurrences(of: "title: ", with: "title: 改訂 ") }
        assertRebuildEqualsClean(folder, "a title edited, so the menu of every page")
        // The cache keeps no summary of a page with a description: without it (the body on the same line), the first paragraph shows again.
        let description = "description: How Japanese girls and women were trafficked abroad in the late 19th and early 20th centuries.\n"
        try edit(folder, "Content/en/history.md") { $0.replacingOccurrences(of: description, with: "draft: false\n") }
        assertRebuildEqualsClean(folder, "a description taken out")
        try edit(folder, "Content/en/history.md") { $0.replacingOccurrences(of: "draft: false\n", with: description) }
        assertRebuildEqualsClean(folder, "a description put back")
        try folder.write(["Content/en/new-page.md": "---\ntitle: New page\n---\n\nShelters and hotlines, and [the history](history.md).\n"])
        assertRebuildEqualsClean(folder, "a page added")
        try FileManager.default.moveItem(atPath: folder.path + "/Content/en/new-page.md", toPath: folder.path + "/Content/en/renamed.md")
        assertRebuildEqualsClean(folder, "a page renamed")
        try FileManager.default.removeItem(atPath: folder.path + "/Content/en/renamed.md")
        assertRebuildEqualsClean(folder, "a page deleted")
        XCTAssertFalse(folder.exists("Output/en/renamed/index.html"))
        try edit(folder, "Templates/partials/footer.mustache") { $0 + "<!-- theme edited -->\n" }
        let themed = assertRebuildEqualsClean(folder, "a template edited")
        XCTAssertEqual(themed.renderedPages, themed.pageCount, "a template edit renders every page")
        try edit(folder, "Templates/i18n/ja.yaml") { $0 + "\n" }
        assertRebuildEqualsClean(folder, "UI strings edited")
        try edit(folder, "Content/site.yaml") { $0.replacingOccurrences(of: "title: Human Trafficking in Japan", with: "title: Trafficking in Japan") }
        assertRebuildEqualsClean(folder, "site.yaml edited")
        try edit(folder, "Content/data/reporting-channels.yaml") { $0 + "\n" }
        assertRebuildEqualsClean(folder, "channel data touched")
    }

    func testABodyEditRendersOnlyItsPageAndAnUnchangedSiteNone() throws {
        let folder = try makeSite()
        let first = build(folder, into: "Output")
        XCTAssertEqual(first.renderedPages, first.pageCount)
        XCTAssertEqual(first.parsedFiles, 34, "22 pages in ja and en, a home and a help page in six more languages")
        let again = build(folder, into: "Output")
        XCTAssertEqual(again.renderedPages, 0)
        XCTAssertEqual(again.parsedFiles, 0)
        try edit(folder, "Content/en/history.md") { $0 + "\nOne more closing sentence.\n" }
        let edited = assertRebuildEqualsClean(folder, "a body edited")
        XCTAssertEqual(edited.renderedPages, 1, "only the edited page shows its body")
        XCTAssertEqual(edited.parsedFiles, 1)
        XCTAssertEqual(edited.indexedPages, 1, "the search index takes in the edited page and keeps the rest")
        try folder.write(["Content/en/added.md": "---\ntitle: Added\n---\n\nA page with a new name.\n"])
        let added = assertRebuildEqualsClean(folder, "a page added")
        XCTAssertEqual(added.indexedPages, 12, "a new page renumbers the English index, which is made anew")
    }

    /// A rebuild does not read a source file whose stamp is the one the cache recorded; it reads
    /// one that changed, and reads and parses them all again when the parser's options change.
    func testAFileWithAKnownStampIsNotReadAgain() throws {
        FileStamp.settledAfter = 0
        defer { FileStamp.settledAfter = 3 }
        let folder = try makeSite()
        XCTAssertEqual(build(folder, into: "Output").diagnostics.errors, [])
        func rebuild() -> (result: BuildResult, cache: BuildCache) {
            let cache = BuildCache(outputDirectory: folder.path + "/Output", contentFolder: folder.path + "/Content")
            let options = BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [folder.path + "/Templates"],
                                       outputDirectory: folder.path + "/Output")
            return (Build(options: options).run(writingTo: DiscardingOutput(comparingWith: options.outputDirectory), sessionCache: cache), cache)
        }
        let again = rebuild()
        XCTAssertEqual(again.cache.unchangedFiles, 34, "no file read")
        XCTAssertEqual(again.result.renderedPages, 0)
        try edit(folder, "Content/en/history.md") { $0 + "\nOne more closing sentence.\n" }
        let edited = rebuild()
        XCTAssertEqual(edited.cache.unchangedFiles, 33, "only the edited file read")
        XCTAssertEqual(edited.result.parsedFiles, 1)
        XCTAssertEqual(edited.result.renderedPages, 1)
        assertRebuildEqualsClean(folder, "a body edited")
        try edit(folder, "Content/site.yaml") { "markdown:\n  unsafeHTML: true\n" + $0 }
        let options = rebuild()
        XCTAssertEqual(options.result.parsedFiles, 34, "the parser's options changed: every file parsed again")
        assertRebuildEqualsClean(folder, "raw HTML allowed")
    }

    /// Links an earlier build resolved are kept only while they hold: a heading renamed on one page
    /// is reported on another page whose anchor named it, though that page did not change, in a
    /// build into the output and in `hashi serve`'s session alike; a page added mends a link to it.
    func testALinkBrokenOrMendedByAnotherPageIsFoundThoughItsPageIsUnchanged() throws {
        let folder = try makeSite()
        try folder.write(["Content/en/pointer.md": "---\ntitle: Pointer\n---\n\nSee [where](history.md#where-they-came-from) and [later](later.md).\n"])
        let session = BuildSession(options: BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [folder.path + "/Templates"],
                                                         outputDirectory: folder.path + "/Served"))
        func errors() -> [[String]] {
            [build(folder, into: "Output"), session.rebuild()].map { result in result.diagnostics.errors.map { "\($0.file.split(separator: "/").suffix(2).joined(separator: "/")): \($0.code)" } }
        }
        XCTAssertEqual(errors(), Array(repeating: ["en/pointer.md: link.missing-page"], count: 2))
        try folder.write(["Content/en/later.md": "---\ntitle: Later\n---\n\nWritten later.\n"])
        XCTAssertEqual(errors(), [[], []], "the page added mends the link")
        try edit(folder, "Content/en/history.md") { $0.replacingOccurrences(of: "## Where they came from", with: "## Their origins") }
        XCTAssertEqual(errors(), Array(repeating: ["en/pointer.md: link.missing-heading"], count: 2))
        try edit(folder, "Content/en/history.md") { $0.replacingOccurrences(of: "## Their origins", with: "## Where they came from") }
        XCTAssertEqual(errors(), [[], []])
        assertRebuildEqualsClean(folder, "after the links were broken and mended")
    }

    /// A state file cut short or from elsewhere is not trusted: the build starts from nothing.
    func testDamagedStateIsIgnored() throws {
        let folder = try makeSite()
        XCTAssertEqual(build(folder, into: "Output").diagnostics.errors, [])
        for path in [BuildCache.path, ".hashi/search-en"] {
            let full = folder.path + "/Output/" + path
            let data = try XCTUnwrap(FileManager.default.contents(atPath: full))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: full))
        }
        try folder.write(["Output/.hashi/search-ja": "not a state file"])
        try edit(folder, "Content/en/safety.md") { $0 + "\nEdited after the damage.\n" }
        assertRebuildEqualsClean(folder, "damaged state")
    }

    /// A file of the output is never written into, so a server reading it is never handed half a
    /// file: one the edit leaves alone keeps its inode and time, even when the index is made anew
    /// because one of its files went missing, and a changed one is replaced by a new file (a reader
    /// that has the old one open still reads the old bytes).
    func testFilesOfTheOutputAreNeverWrittenThrough() throws {
        let folder = try makeSite()
        // Pages enough for three text files (seven pages each).
        try folder.write(Dictionary(uniqueKeysWithValues: (0..<10).map { number in
            ("Content/en/more-\(number).md", "---\ntitle: More \(number)\n---\n\nAnother page, number \(number).\n")
        }))
        XCTAssertEqual(build(folder, into: "Output").diagnostics.errors, [])
        // Two text files the edit below leaves alone: the second goes missing, so the index is made anew.
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Output/en/search")
            .filter { $0.hasPrefix("t-") && !(folder.read("Output/en/search/" + $0) ?? "").contains("safety/") }.sorted()
        XCTAssertGreaterThan(texts.count, 1)
        try FileManager.default.removeItem(atPath: folder.path + "/Output/en/search/" + texts[1])
        let kept = folder.path + "/Output/en/search/" + texts[0]
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: kept)
        let inode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: kept)[.systemFileNumber] as? UInt64)
        let page = folder.path + "/Output/en/safety/index.html"
        let before = try Data(contentsOf: URL(fileURLWithPath: page))
        let open = try FileHandle(forReadingFrom: URL(fileURLWithPath: page))
        defer { try? open.close() }
        try edit(folder, "Content/en/safety.md") { $0 + "\nOne more sentence.\n" }
        assertRebuildEqualsClean(folder, "index remade after a missing text file")
        let attributes = try FileManager.default.attributesOfItem(atPath: kept)
        XCTAssertEqual(attributes[.systemFileNumber] as? UInt64, inode)
        XCTAssertEqual(attributes[.modificationDate] as? Date, past, "a file of the output was written into")
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: page)), before)
        XCTAssertEqual(open.readDataToEndOfFile(), before, "the open page was written into")
    }
}
