import Foundation
import XCTest
@testable import HashiEmbedded

/// The binary carries its theme and says which version it is, so a download needs no checkout.
final class EmbeddedThemeTests: XCTestCase {
    func testVersionNamesTheReleaseAndTheCommit() throws {
        let folder = try TemporaryFolder()
        let outcome = try HashiProcess.run(["--version"], in: folder.path)
        XCTAssertEqual(outcome.status, 0)
        let version = try String(contentsOfFile: Repository.root + "/VERSION", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let line = outcome.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(line.hasPrefix("hashi \(version) ("), line)
        let commit = String(line.dropFirst("hashi \(version) (".count).dropLast())
        XCTAssertTrue(commit == "development" || (commit.count >= 7 && commit.allSatisfy(\.isHexDigit)), line)
    }

    func testEveryThemeFileIsEmbeddedByteForByte() throws {
        let onDisk = Repository.snapshot(Repository.templates).filter { !($0.key as NSString).lastPathComponent.hasPrefix(".") }
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedTheme.files.map { ($0.path, Data($0.bytes)) })
        XCTAssertEqual(Set(embedded.keys), Set(onDisk.keys))
        for (path, bytes) in embedded {
            XCTAssertEqual(bytes, onDisk[path], path)
        }
    }

    /// With no `Templates/` in the working folder and no `--templates`, the site is built with the
    /// theme inside the binary, and comes out byte for byte as with the checkout's `Templates/`.
    func testBuildWithoutTemplatesFolderUsesTheEmbeddedTheme() throws {
        let site = try TemporaryFolder([
            "Content/site.yaml": bilingualSiteYAML,
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n\nこんにちは\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n\nHello\n",
        ])
        let cache = site.path + "/cache"
        let embedded = try HashiProcess.run(["build", "--quiet"], in: site.path, environment: ["XDG_CACHE_HOME": cache])
        XCTAssertEqual(embedded.status, 0, embedded.stderr)
        let checkout = try HashiProcess.run(["build", "--quiet", "--templates", Repository.templates, "--output", "Checkout"],
                                            in: site.path)
        XCTAssertEqual(checkout.status, 0, checkout.stderr)
        let built = Repository.snapshot(site.path + "/Output").filter { !$0.key.hasPrefix(".hashi") }
        let expected = Repository.snapshot(site.path + "/Checkout").filter { !$0.key.hasPrefix(".hashi") }
        XCTAssertFalse(built.isEmpty)
        XCTAssertEqual(built, expected, "the embedded theme builds the same site as Templates/")
        XCTAssertTrue(site.files(under: "cache/hashi").contains { $0.hasSuffix("layouts/page.mustache") })
    }

    /// A `Templates/` folder in the working folder still wins over the embedded theme.
    func testTemplatesFolderInWorkingFolderWins() throws {
        let site = try TemporaryFolder([
            "Content/site.yaml": bilingualSiteYAML,
            "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        for file in EmbeddedTheme.files {
            try site.writeBytes("Templates/" + file.path, file.bytes)
        }
        let base = try String(contentsOfFile: site.path + "/Templates/layouts/base.mustache", encoding: .utf8)
        try site.write(["Templates/layouts/base.mustache": base.replacingOccurrences(of: "<body", with: "<!-- local theme --><body")])
        let outcome = try HashiProcess.run(["build", "--quiet"], in: site.path, environment: ["XDG_CACHE_HOME": site.path + "/cache"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(site.read("Output/en/index.html")?.contains("<!-- local theme -->") ?? false)
        XCTAssertFalse(site.exists("cache/hashi"), "the embedded theme is not even written out")
    }
}
