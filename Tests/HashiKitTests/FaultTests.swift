import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// Builds killed at random moments, and content mutated at random: the previous site always
/// survives, and the pipeline always ends with a result (exit 0 or 1), never a crash or a hang.
final class FaultTests: XCTestCase {
    func testKillingARebuildAtAnyMomentLeavesThePreviousSite() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        var files = ["Content/site.yaml": bilingualSiteYAML]
        for language in ["ja", "en"] {
            files["Content/\(language)/_index.md"] = "---\ntitle: Home\n---\n"
            for number in 0..<120 {
                files["Content/\(language)/page-\(number).md"] = "---\ntitle: Page \(number)\n---\n## Part\n\n"
                    + String(repeating: "Shelters and labor rights, 技能実習制度と相談窓口。 ", count: 200) + "\n"
            }
        }
        let folder = try TemporaryFolder(files)
        let arguments = ["build", "--content", folder.path + "/Content", "--templates", Repository.templates, "--output", folder.path + "/Output"]
        func start() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Repository.hashi)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let started = Date()
        let first = try start()
        first.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(first.terminationStatus, 0)
        let before = Repository.snapshot(folder.path + "/Output")
        XCTAssertGreaterThan(before.count, 240)

        // Change the content, so a finished rebuild would differ, then kill rebuilds at moments
        // spread over a whole build: loading, parsing, rendering, writing, moving the new files in.
        try folder.write(["Content/en/page-0.md": "---\ntitle: Changed\n---\nNew text.\n"])
        let expected = try XCTUnwrap(cleanBuild(of: folder), "a clean build of the changed content")
        func site(_ files: [String: Data]) -> [String: Data] { files.filter { !$0.key.hasPrefix(".hashi/") } }
        for attempt in 0..<8 {
            let process = try start()
            usleep(UInt32(duration * (Double(attempt) + Double.random(in: 0.2...0.8)) / 8 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Killed while moving the new files in: the journal, which the next build carries out
            // first, completes the new site.
            let writer = OutputWriter(outputDirectory: folder.path + "/Output")
            if FileManager.default.fileExists(atPath: writer.journal.path) {
                XCTAssertNil(writer.journal.complete(), "attempt \(attempt)")
            }
            let now = Repository.snapshot(folder.path + "/Output")
            if now != before {
                // Otherwise the kill came after the new site was in place: then it must be whole.
                XCTAssertEqual(site(now), site(expected), "attempt \(attempt): neither the previous site nor the new one")
                return
            }
        }
        let last = try start()
        last.waitUntilExit()
        XCTAssertEqual(last.terminationStatus, 0, "a killed build's leftovers do not stop the next one")
        XCTAssertTrue(String(decoding: Repository.snapshot(folder.path + "/Output")["en/page-0/index.html"] ?? Data(), as: UTF8.self).contains("New text."))
    }

    /// The site the binary builds from `folder`'s content into a fresh folder, or nil if it fails.
    func cleanBuild(of folder: TemporaryFolder) throws -> [String: Data]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.hashi)
        process.arguments = ["build", "--content", folder.path + "/Content", "--templates", Repository.templates, "--output", folder.path + "/Expected"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Repository.snapshot(folder.path + "/Expected") : nil
    }

    func testMutatedContentNeverCrashesTheBuild() throws {
        let seed = [
            "Content/site.yaml": bilingualSiteYAML + "\nmenu: [a.md]\nhelpPage: a.md\n",
            "Content/ja/_index.md": "---\ntitle: ホーム\ndate: 2024-01-02\ntags: [a]\n---\n## 見出し\n\n[リンク](a.md#概要) *強調* `code`\n",
            "Content/ja/a.md": "---\ntitle: 概要\nweight: 2\n---\n## 概要\n\n> 引用\n\n- 項目\n\n![図](x.png)\n",
            "Content/en/_index.md": "---\ntitle: Home\n---\n# Title\n\n[link](/ja/a/) and [anchor](#title) and <b>raw</b>\n",
            "Content/en/a.md": "---\ntitle: A\ntranslationKey: a\n---\n1. one\n2. [two](../ja/a.md)\n\n```\ncode\n```\n",
            "Content/data/reporting-channels.yaml": "channels:\n  - id: x\n    name: {ja: 名, en: N}\n    purpose: {ja: 目, en: P}\n    audience: {ja: 対, en: A}\n    phone: \"110\"\n",
        ]
        let pieces: [[UInt8]] = ["---", "\n", "\r\n", "[", "](", "#", ":", "- ", "{{", "\"", "\u{0}", "\u{FEFF}", "..", "/", "*", "`", ">"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE3, 0x81]]
        var random = SplitMix64(seed: 20261127)
        let paths = seed.keys.sorted()
        for round in 0..<300 {
            var files = seed.mapValues { Array($0.utf8) }
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let path = paths[Int(random.next() % UInt64(paths.count))]
                var bytes = files[path]!
                let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 8)))
                case 2: if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int(random.next() % 16))], at: at)
                }
                files[path] = bytes
            }
            let folder = try TemporaryFolder()
            for (path, bytes) in files { try folder.writeBytes(path, bytes) }
            let result = folder.build()
            // A result is all that is asked: errors are fine, a crash would end the test run.
            XCTAssertEqual(result.succeeded, !result.diagnostics.hasErrors, "round \(round)")
            if result.succeeded { XCTAssertTrue(folder.exists("Output/index.html"), "round \(round)") }
        }
    }
}

/// A small seeded generator, so a failing round can be run again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
