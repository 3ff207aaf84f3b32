import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// Whole sites built from `Fixtures/<case>/Content` with the fixture theme, compared file by file
/// with `Fixtures/<case>/Expected`. `HASHI_UPDATE_GOLDEN=1 swift test` rewrites the expected files (and fails).
final class GoldenTests: XCTestCase {
    func testBilingualSite() throws { try verify("bilingual") }
    func testPageWithoutTranslation() throws { try verify("untranslated") }
    func testBrokenContentReportsEveryFileWithItsLine() throws { try verify("broken") }

    private func verify(_ name: String) throws {
        let fixture = Repository.fixtures + "/" + name
        let scratch = try TemporaryFolder()
        var templates = [Repository.fixtures + "/Theme"]
        if FileManager.default.fileExists(atPath: fixture + "/Templates") { templates.insert(fixture + "/Templates", at: 0) }
        let result = Build(options: BuildOptions(contentDirectory: fixture + "/Content", templateDirectories: templates,
                                                 outputDirectory: scratch.path + "/Output")).run()
        let diagnostics = result.diagnostics.map { $0.description.replacingOccurrences(of: fixture + "/", with: "") }
        var actual: [String: String] = [:]
        if !diagnostics.isEmpty { actual["diagnostics.txt"] = diagnostics.joined(separator: "\n") + "\n" }
        for file in scratch.files(under: "Output") where !file.hasPrefix(OutputWriter.stateFolder + "/") {
            actual[file] = scratch.read("Output/" + file) ?? "<not UTF-8>"
        }
        let expectedFolder = fixture + "/Expected"
        if ProcessInfo.processInfo.environment["HASHI_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            for (path, contents) in actual {
                let full = expectedFolder + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
            }
            XCTFail("rewrote \(expectedFolder); run the tests again without HASHI_UPDATE_GOLDEN")
            return
        }
        let expectedFiles = Set(FileManager.default.enumerator(atPath: expectedFolder)?.allObjects.compactMap { item -> String? in
            guard let path = item as? String else { return nil }
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: expectedFolder + "/" + path, isDirectory: &isFolder)
            return isFolder.boolValue ? nil : path
        } ?? [])
        XCTAssertFalse(expectedFiles.isEmpty, "no expected files in \(expectedFolder): run with HASHI_UPDATE_GOLDEN=1")
        for missing in expectedFiles.subtracting(actual.keys).sorted() {
            XCTFail("\(name): expected \(missing), but the build did not write it")
        }
        for unexpected in Set(actual.keys).subtracting(expectedFiles).sorted() {
            XCTFail("\(name): the build wrote \(unexpected), which is not expected")
        }
        for path in expectedFiles.intersection(actual.keys).sorted() {
            let expected = try String(contentsOfFile: expectedFolder + "/" + path, encoding: .utf8)
            if expected != actual[path] {
                XCTFail("\(name)/\(path) differs:\n" + Self.lineDiff(expected: expected, actual: actual[path] ?? ""))
            }
        }
    }

    /// The first lines that differ, marked - (expected) and + (actual).
    static func lineDiff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(a.count, b.count) where out.count < 20 {
            let left = index < a.count ? String(a[index]) : nil
            let right = index < b.count ? String(b[index]) : nil
            if left != right {
                out.append("line \(index + 1):")
                if let left { out.append("- " + left) }
                if let right { out.append("+ " + right) }
            }
        }
        return out.joined(separator: "\n")
    }
}
