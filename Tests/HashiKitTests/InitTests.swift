import Foundation
import XCTest

/// `hashi init`: what a volunteer gets builds at once, and init never writes over anything.
final class InitTests: XCTestCase {
    func testANewSiteBuildsAtOnceWithTheEmbeddedTheme() throws {
        let work = try TemporaryFolder()
        let cache = ["XDG_CACHE_HOME": work.path + "/cache"]
        let made = try HashiProcess.run(["init", "my-site"], in: work.path)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains("hashi serve"), made.stdout)
        for file in ["Content/site.yaml", "Content/ja/_index.md", "Content/en/_index.md", "Content/ja/help.md",
                     "Content/en/help.md", "Content/data/reporting-channels.yaml", "README.md"] {
            XCTAssertTrue(work.exists("my-site/" + file), file)
        }
        let site = work.path + "/my-site"
        let check = try HashiProcess.run(["check", "--strict"], in: site, environment: cache)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("0 warning(s)"), check.stdout)
        let build = try HashiProcess.run(["build"], in: site, environment: cache)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(work.read("my-site/Output/en/help/index.html")?.contains("Where to get help") ?? false)
        XCTAssertTrue(work.read("my-site/Output/ja/index.html")?.contains("ようこそ") ?? false)
    }

    func testANewOverlayBuildsOverTheMicrosite() throws {
        let work = try TemporaryFolder()
        XCTAssertEqual(try HashiProcess.run(["init", "--overlay", "my-ngo"], in: work.path).status, 0)
        XCTAssertTrue(work.exists("my-ngo/site.yaml"))
        XCTAssertTrue(work.exists("my-ngo/data/reporting-channels.yaml"))
        let options = ["--overlay", "my-ngo", "--content", Repository.content, "--templates", Repository.templates]
        let check = try HashiProcess.run(["check", "--strict"] + options, in: work.path)
        XCTAssertEqual(check.status, 0, check.stderr)
        let build = try HashiProcess.run(["build", "--quiet"] + options, in: work.path)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(work.exists("Output/en/report/index.html"))
    }

    /// The commented examples are valid once a volunteer removes the `#`s.
    func testTheCommentedExamplesAreValidWhenUncommented() throws {
        let work = try TemporaryFolder()
        XCTAssertEqual(try HashiProcess.run(["init", "--overlay", "my-ngo"], in: work.path).status, 0)
        /// Removes the `# ` of every line from `start` on, leaving out the lines that begin with `skipping`.
        func uncomment(_ file: String, from start: String, skipping: [String]) throws {
            var on = false
            let lines = (work.read(file) ?? "").split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
                if skipping.contains(where: { line.hasPrefix($0) }) { return nil }
                on = on || line.hasPrefix(start)
                return on && line.hasPrefix("# ") ? String(line.dropFirst(2)) : String(line)
            }
            try work.write([file: lines.joined(separator: "\n")])
        }
        try uncomment("my-ngo/site.yaml", from: "# brand:", skipping: ["#   logo:"])
        try uncomment("my-ngo/data/reporting-channels.yaml", from: "# channels:", skipping: ["channels: []"])
        XCTAssertTrue(work.read("my-ngo/site.yaml")?.contains("\nbrand:") ?? false)
        XCTAssertTrue(work.read("my-ngo/data/reporting-channels.yaml")?.contains("\n  - id: your-helpline") ?? false)
        let options = ["--overlay", "my-ngo", "--content", Repository.content, "--templates", Repository.templates]
        let check = try HashiProcess.run(["check"] + options, in: work.path)
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testInitWritesNothingIntoAFolderThatIsNotEmpty() throws {
        let work = try TemporaryFolder(["my-site/notes.txt": "mine"])
        for arguments in [["init", "my-site"], ["init", "--overlay", "my-site"]] {
            let outcome = try HashiProcess.run(arguments, in: work.path)
            XCTAssertEqual(outcome.status, 1)
            XCTAssertTrue(outcome.stderr.contains("my-site is not empty"), outcome.stderr)
            XCTAssertEqual(work.files(under: "my-site"), ["notes.txt"])
        }
        try FileManager.default.createDirectory(atPath: work.path + "/empty", withIntermediateDirectories: true)
        XCTAssertEqual(try HashiProcess.run(["init", "empty"], in: work.path).status, 0, "an empty folder is fine")
    }
}
