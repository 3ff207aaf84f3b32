import Foundation
import XCTest

/// The `hashi` executable as CI runs it: exit codes and compiler-style messages.
final class CommandLineTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.hashi)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
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
}
