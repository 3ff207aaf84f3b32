import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// What a hostile contributor or an unlucky editor can do to the content folder: nothing is
/// silently dropped, and no arrangement of files slows the build to a halt.
final class ReliabilityTests: XCTestCase {
    let site = [
        "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
        "Content/en/_index.md": "---\ntitle: Home\n---\nHello.\n",
    ]

    /// Runs the `hashi` executable, as a user without root's right to read anything when the tests run as root.
    func runUnprivileged(_ arguments: [String], in folder: TemporaryFolder) throws -> (status: Int32, stderr: String) {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let process = Process()
        if getuid() == 0 {
            chmod(folder.path, 0o777)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Repository.hashi] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Repository.hashi)
            process.arguments = arguments
        }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    func buildArguments(_ folder: TemporaryFolder) -> [String] {
        ["build", "--content", folder.path + "/Content", "--templates", Repository.templates, "--output", folder.path + "/Output"]
    }

    func testAnUnreadableDataFileFolderOrPageIsAnErrorAtItsPath() throws {
        for (unreadable, shown) in [("Content/data/reporting-channels.yaml", "Content/data/reporting-channels.yaml:1:1: error: cannot read this file: Permission denied"),
                                    ("Content/en/about.md", "Content/en/about.md:1:1: error: cannot read this file: Permission denied"),
                                    ("Content/en/guide", "Content/en/guide:1:1: error: cannot read this folder: Permission denied"),
                                    ("Content/en", "Content/en:1:1: error: cannot read this folder: Permission denied")] {
            let folder = try TemporaryFolder(site.merging([
                "Content/data/reporting-channels.yaml": "channels:\n  - id: police\n    name: {en: Police}\n    purpose: {en: Emergencies}\n"
                    + "    audience: {en: Anyone}\n    phone: \"110\"\n",
                "Content/en/about.md": "---\ntitle: About\n---\n", "Content/en/guide/one.md": "---\ntitle: One\n---\n",
            ]) { a, _ in a })
            for path in ["Content", "Content/en", "Content/data"] { chmod(folder.path + "/" + path, 0o755) }
            chmod(folder.path + "/" + unreadable, 0o000)
            let result = try runUnprivileged(buildArguments(folder), in: folder)
            XCTAssertEqual(result.status, 1, unreadable)
            XCTAssertTrue(result.stderr.contains(folder.path + "/" + shown), result.stderr)
            XCTAssertFalse(folder.exists("Output/en/index.html"), "nothing is written")
        }
    }

    func testAnUnreadableLayoutOrPartialIsAnErrorAtItsPath() throws {
        for unreadable in ["Theme/layouts/404.mustache", "Theme/partials/footer.mustache"] {
            let folder = try TemporaryFolder(site)
            try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Theme")
            for path in ["Content", "Content/en", "Theme", "Theme/layouts", "Theme/partials"] { chmod(folder.path + "/" + path, 0o755) }
            chmod(folder.path + "/" + unreadable, 0o000)
            var arguments = buildArguments(folder)
            arguments[4] = folder.path + "/Theme"
            let result = try runUnprivileged(arguments, in: folder)
            XCTAssertEqual(result.status, 1, unreadable)
            XCTAssertTrue(result.stderr.contains(folder.path + "/\(unreadable):1:1: error: cannot read this file: Permission denied"), result.stderr)
        }
    }

    func testSymbolicLinksBackToAParentAreReportedAndTheBuildEnds() throws {
        let folder = try TemporaryFolder(site.merging(["Content/en/a/b/page.md": "---\ntitle: Page\n---\n"]) { a, _ in a })
        // Two links to a parent and one to the language folder: before, the walk grew without end.
        for (link, target) in [("Content/en/a/b/up", ".."), ("Content/en/a/b/up2", ".."), ("Content/en/a/home", "..")] {
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/" + link, withDestinationPath: target)
        }
        let start = Date()
        let result = folder.build()
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertEqual(result.diagnostics.errors, [])
        let warned = result.diagnostics.warnings.filter { $0.message.contains("symbolic link to a folder already read") }
        XCTAssertEqual(warned.map { URL(fileURLWithPath: $0.file).lastPathComponent }.sorted(), ["home", "up", "up2"])
        XCTAssertEqual(result.pageCount, 2, "the home page and a/b/page, once each")
    }

    func testAPageDeeperThanSixtyFourFoldersIsBuilt() throws {
        let deep = (1...70).map { "d\($0)" }.joined(separator: "/")
        let folder = try TemporaryFolder(site.merging(["Content/en/\(deep)/page.md": "---\ntitle: Deep\n---\n"]) { a, _ in a })
        let result = folder.build()
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertTrue(folder.exists("Output/en/\(deep)/page/index.html"))
    }

    func testTwoFilesThatDifferOnlyInCaseAreWarned() throws {
        let folder = try TemporaryFolder(site.merging(["Content/en/page.md": "---\ntitle: a\n---\n",
                                                       "Content/en/Page.md": "---\ntitle: b\n---\n"]) { a, _ in a })
        let warnings = folder.build().diagnostics.warnings.map(\.description)
        XCTAssertEqual(warnings, [folder.path + "/Content/en/page.md:1:1: warning: this file and " + folder.path
                                  + "/Content/en/Page.md differ only in case: they collide on case-insensitive disks (macOS, Windows) and in a zip opened there"])
    }

    func testAFileNameWithALineBreakIsAnErrorWithThePathShownSafely() throws {
        let folder = try TemporaryFolder(site.merging(["Content/en/bad\r\nname.md": "---\ntitle: Bad\n---\n"]) { a, _ in a })
        let errors = folder.build().diagnostics.errors.map(\.description)
        XCTAssertEqual(errors, [folder.path + "/Content/en/bad\\u{d}\\u{a}name.md:1:1: error: this file name has a control character "
                                + "(a line break or tab, say): rename it"])
    }

    func testAClosedPipeIsNoError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let folder = try TemporaryFolder(site)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // `head -c 0` leaves at once, so every line hashi prints meets a closed pipe.
        let command = buildArguments(folder).map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-c", "set -o pipefail; '\(Repository.hashi)' \(command) 2>&1 | head -c 0"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "not 141 (SIGPIPE)")
        XCTAssertTrue(folder.exists("Output/en/index.html"))
    }
}

/// Diagnostics cost the same for each, however many a page has.
final class ManyDiagnosticsTests: XCTestCase {
    func testAHundredThousandBrokenLinksAndAnchorsOnOnePageAreReportedInAboutASecond() throws {
        var body = "# Top\n\n"
        for index in 0..<50_000 {
            body += "日本語 [a](missing-\(index).md) [b](#gone-\(index))\n"
        }
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n" + body,
        ])
        let start = Date()
        let result = folder.build(dryRun: true)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(result.diagnostics.errors.count, 100_000)
        // Columns count characters: "日本語 " is 4 characters (10 bytes) before the first link.
        let first = try XCTUnwrap(result.diagnostics.first { $0.message == "link to missing page 'missing-0.md'" })
        XCTAssertEqual([first.line, first.column], [6, 5])
        let anchor = try XCTUnwrap(result.diagnostics.first { $0.message.hasPrefix("link to missing heading '#gone-49999'") })
        XCTAssertEqual([anchor.line, anchor.column], [50_005, 27])
        // Linear: about a second in a release build; a quadratic walk took minutes for a tenth of these.
        XCTAssertLessThan(seconds, 15, "100,000 diagnostics took \(seconds) s")
    }
}

/// Names and slugs that could turn a link into code, or break it.
final class LinkSafetyTests: XCTestCase {
    func testColonsAndPercentSignsInNamesAndSlugsMakeSafeWorkingLinks() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n[a](report:2024.md) [b](50%25.md) [c](trap.md)\n",
            "Content/en/report:2024.md": "---\ntitle: Report\n---\n",
            "Content/en/50%.md": "---\ntitle: Half\n---\n",
            "Content/en/trap.md": "---\ntitle: Trap\nslug: \"javascript:alert(1)\"\n---\n",
        ])
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        let home = try XCTUnwrap(folder.read("Output/en/index.html"))
        XCTAssertTrue(home.contains("href=\"./report:2024/\""), "a colon in the first part would make it a scheme")
        XCTAssertTrue(home.contains("href=\"50%25/\""), "a % of the name is encoded")
        XCTAssertTrue(home.contains("href=\"./javascript:alert(1)/\""))
        XCTAssertFalse(home.contains("href=\"javascript:"))
        XCTAssertTrue(folder.exists("Output/en/50%/index.html"))
        XCTAssertTrue(try XCTUnwrap(folder.read("Output/sitemap.xml")).contains("en/50%25/"))
    }
}

/// A channel's number and address must be what a visitor's phone dials and browser opens.
final class ChannelValueTests: XCTestCase {
    func testNumbersAPhoneCannotDialAreRefused() {
        for good in ["110", "0120-924-839", "0570-078377", "+81 3-1234-5678", "+44 20 7946 0000"] {
            XCTAssertTrue(ChannelValueRules.isDialable(good), good)
        }
        for bad in ["-----1-----", "1", "12", String(repeating: "1", count: 100_000), "0120--924", "0120-924-", "++81 3",
                    "81+3", "0120 924\t839", "０１２０", "#8891", "0120-924-839 ext 2"] {
            XCTAssertFalse(ChannelValueRules.isDialable(bad), bad)
        }
        XCTAssertTrue(ChannelValueRules.isShortCode("#8891"))
        XCTAssertFalse(ChannelValueRules.isShortCode("#8891#1"))
        XCTAssertFalse(ChannelValueRules.isShortCode("#"))
    }

    func testAddressesABrowserWouldReadOtherwiseAreRefused() {
        for good in ["https://www.moj.go.jp/isa/", "https://www.gender.go.jp/policy/sokushin/ouen/safe/victim/",
                     "https://example.org:8443/a?b=1#c", "https://xn--eckwd4c7c.xn--zckzah/日本語"] {
            XCTAssertTrue(ChannelValueRules.isWebAddress(good), good)
        }
        for bad in ["http://www.moj.go.jp/", "https://", "https:///path", "https://www.moj.go.jp/a\tb", "https://www.moj\n.go.jp/",
                    "https://www.moj.go.jp/\u{202E}gpj.exe", "https://localhost/", "https://a..b/", "https://-a.jp/",
                    "https://www.moj.go.jp:/", "https://exa mple.org/", "https://user@evil.example/", "javascript:alert(1)"] {
            XCTAssertFalse(ChannelValueRules.isWebAddress(bad), bad.debugDescription)
        }
    }

    func testTheLoaderReportsABadNumberAtItsLine() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/data/reporting-channels.yaml": "channels:\n  - id: x\n    name: {en: X}\n    purpose: {en: P}\n"
                + "    audience: {en: A}\n    phone: \"-----1-----\"\n    website: \"https://www.moj.go.jp/\\u202Eisa\"\n",
        ])
        let errors = folder.build(dryRun: true).diagnostics.errors.map { "\($0.line):\($0.column) \($0.message.prefix(30))" }
        XCTAssertEqual(errors, ["6:12 \"phone\" must be a number a pho", "7:14 \"website\" must be an https:// "])
    }
}

/// Files copied from the content as they are: they never replace what hashi writes, and they are
/// checked like templates.
final class CopiedFileTests: XCTestCase {
    func testACopiedFileOnAPathHashiWritesIsAnErrorNamingBoth() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/en/index.html": "<p>mine</p>\n",
            "Content/en/404.html": "<p>mine</p>\n",
            "Content/en/search/p-0.js": "alert(1)\n",
        ])
        let errors = folder.build().diagnostics.errors.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        XCTAssertEqual(errors, [
            "Content/en/404.html:1:1: error: this file would be copied to en/404.html, where hashi writes the \"page not found\" page of \"en\" (en/404.html); rename or move it",
            "Content/en/index.html:1:1: error: this file would replace en/index.html, where hashi writes the page Content/en/_index.md; rename or move it",
            "Content/en/search/p-0.js:1:1: error: this file would be copied to en/search/p-0.js, where hashi writes the search page and index of \"en\" (en/search/); rename or move it",
        ])
        XCTAssertFalse(folder.exists("Output"))
    }

    func testCopiedHTMLCSSAndSVGAreCheckedForRequestsAndScripts() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/en/leaflet.html": "<p>Hi</p>\n<script src='https://cdn.example/x.js'></script>\n",
            "Content/en/print.css": "body { color: black }\n@import https://cdn.example/x.css;\n",
            "Content/en/map.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<script>alert(2)</script>\n</svg>\n",
            "Content/en/ok.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>\n",
        ])
        let result = folder.build(dryRun: true)
        let errors = result.diagnostics.errors.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line) \($0.message.prefix(40))" }
        XCTAssertEqual(errors, [
            "leaflet.html:2 this file loads something from another s",
            "map.svg:1 this SVG image carries a script (a <scri",
            "map.svg:2 this SVG image carries a script (a <scri",
            "print.css:2 stylesheet loads something from another ",
        ])
    }
}

/// The output folder in the shapes deploy setups give it, and builds that fail half way.
final class OutputFolderTests: XCTestCase {
    let site = [
        "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
        "Content/en/_index.md": "---\ntitle: Home\n---\nHello.\n",
    ]

    func build(_ folder: TemporaryFolder, output: String) -> BuildResult {
        Build(options: BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [Repository.templates],
                                    outputDirectory: folder.path + "/" + output)).run()
    }

    func testAnOutputThatIsASymbolicLinkKeepsItsLinkAndTheSiteLandsAtItsTarget() throws {
        let folder = try TemporaryFolder(site)
        try FileManager.default.createDirectory(atPath: folder.path + "/www/current", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/site-link", withDestinationPath: "www/current")
        for round in 1...2 {
            try folder.write(["Content/en/_index.md": "---\ntitle: Home\n---\nRound \(round).\n"])
            XCTAssertEqual(build(folder, output: "site-link").diagnostics.errors, [], "round \(round)")
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/site-link")
            XCTAssertEqual(link, "www/current", "the link is left as it is")
            XCTAssertTrue(try XCTUnwrap(folder.read("www/current/en/index.html")).contains("Round \(round)."))
        }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/dangling", withDestinationPath: "www/nothing")
        let errors = build(folder, output: "dangling").diagnostics.errors.map(\.message)
        XCTAssertEqual(errors, ["cannot create \(folder.path)/dangling: it is a symbolic link to a folder that does not exist; "
                                + "create that folder, or remove the link"])
    }

    func testAFailedWriteRemovesWhatTheBuildWroteAndKeepsThePreviousSite() throws {
        let folder = try TemporaryFolder(site)
        // A file whose path fits in the content folder but not in the output, whose name is longer:
        // its copy fails as a full disk would make it fail.
        let output = "Output-of-a-longer-name"
        let room = 4095 - (folder.path + "/Content/en/").utf8.count
        var parts: [String] = []
        var left = room - 4
        while left > 0 {
            let length = min(200, left)
            parts.append(String(repeating: "d", count: length))
            left -= length + 1
        }
        let deep = parts.joined(separator: "/") + ".txt"
        func addDeepFile() throws {
            try FileManager.default.createDirectory(atPath: folder.path + "/Content/en/" + URLPath.folder(of: deep), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path + "/Content/en/" + deep))
        }
        // A first build, written whole beside the output before it is renamed into place.
        try addDeepFile()
        XCTAssertTrue(build(folder, output: output).diagnostics.hasErrors)
        XCTAssertFalse(folder.exists(output), "no half-written site")
        XCTAssertFalse(folder.exists(output + ".hashi-staging/site"), "what the failed build wrote is gone")
        try FileManager.default.removeItem(atPath: folder.path + "/Content/en/" + parts[0])
        XCTAssertEqual(build(folder, output: output).diagnostics.errors, [])
        let before = folder.read(output + "/en/index.html")
        // A rebuild, changed in place: it fails before anything of the output is touched.
        try addDeepFile()
        try folder.write(["Content/en/_index.md": "---\ntitle: Home\n---\nChanged.\n"])
        let failed = build(folder, output: output)
        XCTAssertTrue(failed.diagnostics.hasErrors, "\(failed.diagnostics)")
        XCTAssertEqual(folder.read(output + "/en/index.html"), before, "the previous site is as it was")
        XCTAssertFalse(folder.exists(output + ".hashi-staging/pending"), "what the failed build wrote is gone")
        XCTAssertFalse(folder.exists(output + ".hashi-staging/journal"))
        try FileManager.default.removeItem(atPath: folder.path + "/Content/en/" + parts[0])
        XCTAssertEqual(build(folder, output: output).diagnostics.errors, [], "the lock went with the failed build")
        XCTAssertTrue(try XCTUnwrap(folder.read(output + "/en/index.html")).contains("Changed."))
    }
}

/// The mistakes a volunteer makes first in YAML get words that say what to do.
final class VolunteerMessageTests: XCTestCase {
    func check(_ files: [String: String]) throws -> [String] {
        let base = [
            "Content/site.yaml": "languages:\n  - code: ja\n    name: 日本語\n    title: T\n  - code: en\n    name: English\n    title: T\n",
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n", "Content/en/_index.md": "---\ntitle: Home\n---\n",
        ]
        let folder = try TemporaryFolder(base.merging(files) { _, new in new })
        return folder.build(dryRun: true).diagnostics.errors.map { "\($0.line): \($0.message)" }
    }

    func testAnUnquotedColourSaysThatHashStartsAComment() throws {
        let errors = try check(["Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\nbrand:\n  name: NGO\n  primaryColor: #1b6b3a\n",
                                "Content/ja/_index.md": ""])
        XCTAssertEqual(errors, ["7: \"brand.primaryColor\" is empty because in YAML a # starts a comment: put the value in quotes, "
                                + "like brand.primaryColor: \"#1b6b3a\""])
    }

    func testAMisIndentedKeyGetsAHintAboutIndentation() throws {
        let errors = try check(["Content/site.yaml": "languages:\n  - code: en\n    name: English\n     title: T\n"])
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("4: invalid YAML: mapping values are not allowed in this context (check the indentation"), errors[0])
    }

    func testAChannelTextGivenOnceShowsThePerLanguageForm() throws {
        let errors = try check(["Content/data/reporting-channels.yaml": "channels:\n  - id: x\n    name: \"Helpline\"\n"
                                    + "    purpose: {ja: 相談, en: Advice}\n    audience: {ja: だれでも, en: Anyone}\n    phone: \"０１２０－９２４－８３９\"\n"])
        XCTAssertEqual(errors, ["3: \"name\" needs one text per language: write \"name:\" on a line of its own and under it, "
                                + "indented, \"ja: …\" and \"en: …\", one a line"], "the full-width number is accepted")
    }

    func testAFullWidthNumberIsReadAsHalfWidth() throws {
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
            "Content/data/reporting-channels.yaml": "channels:\n  - id: x\n    name: {en: Helpline}\n    purpose: {en: Advice}\n"
                + "    audience: {en: Anyone}\n    phone: \"０１２０－９２４－８３９\"\n",
        ])
        XCTAssertEqual(folder.build().diagnostics.errors, [])
        XCTAssertTrue(try XCTUnwrap(folder.read("Output/data/reporting-channels.json")).contains("\"phone\" : \"0120-924-839\""))
    }
}
