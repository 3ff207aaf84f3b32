import Foundation
import XCTest

/// The `hashi` executable as CI runs it: exit codes and compiler-style messages.
final class CommandLineTests: XCTestCase {
    func run(_ arguments: [String]) throws -> HashiProcess.Outcome {
        try HashiProcess.run(arguments, in: FileManager.default.currentDirectoryPath)
    }

    func testExitCodes() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let good = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        let options = ["--content", good.path + "/Content", "--templates", Repository.templates, "--output", good.path + "/Output"]
        XCTAssertEqual(try run(["build"] + options).status, 0)
        XCTAssertTrue(good.exists("Output/en/index.html"))

        try good.write(["Content/en/_index.md": "---\ntitle: Home\n---\n\n[x](gone.md)\n"])
        let broken = try run(["check"] + options)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("/Content/en/_index.md:5:1: error: link to missing page 'gone.md'"), broken.stderr)

        let json = try run(["check", "--format", "json"] + options)
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["ok"] as? Bool, false)
        let first = (object?["diagnostics"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["line"] as? Int, 5)
        XCTAssertEqual(first?["message"] as? String, "link to missing page 'gone.md'")
        XCTAssertEqual(first?["code"] as? String, "link.missing-page")
        try good.write(["Content/en/_index.md": "---\ntitle: Home\n---\n"])
        let summary = try run(["build"] + options)
        // The page is back as the first build made it, so that build's page is kept.
        XCTAssertTrue(summary.stdout.hasPrefix("hashi: built 1 pages (en 1), 0 rendered anew, 0 warning(s) in "), summary.stdout)
        let quiet = try run(["build", "--quiet"] + options)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout, "", "--quiet prints no summary")

        let usage = try run(["build", "--no-such-option"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--no-such-option"), usage.stderr)
        XCTAssertEqual(try run(["build", "--base-url", "ftp://x"] + options).status, 2)
    }

    /// CI filters on the code, not the words: each diagnostic of `--format json` carries its own.
    func testJSONGivesEachDiagnosticItsCode() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let site = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n  - code: ja\n    name: 日本語\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n\n[a](gone.md) [b](guide.md#nowhere)\n",
            "Content/en/guide.md": "---\ntitle: Guide\n---\n# Start\n",
            "Content/en/colour.md": "---\ntitle: Colour\ncolour: red\n---\n",
            "Content/en/untitled.md": "---\ndescription: none\n---\n",
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
        ])
        let options = ["--content", site.path + "/Content", "--templates", Repository.templates, "--output", site.path + "/Output"]
        let json = try run(["check", "--format", "json"] + options)
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let diagnostics = try XCTUnwrap(object?["diagnostics"] as? [[String: Any]])
        let found = diagnostics.map { ($0["file"] as? String ?? "", $0["severity"] as? String ?? "", $0["code"] as? String ?? "") }
        let content = site.path + "/Content"
        XCTAssertEqual(found.map { "\($0.0.replacingOccurrences(of: content, with: "Content")) \($0.1) \($0.2)" }, [
            "Content/en/_index.md error link.missing-page",
            "Content/en/_index.md error link.missing-heading",
            "Content/en/colour.md error yaml.unknown-key",
            "Content/en/guide.md warning translation.missing",
            "Content/en/untitled.md error frontmatter.no-title",
        ])
    }
}
