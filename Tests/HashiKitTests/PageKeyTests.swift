import Foundation
import XCTest
@testable import HashiKit
@testable import HashiSite

/// A page's key (`PageKeys`) stands for everything its HTML is made from, though it is worked out
/// from the page's inputs and not from its context: after every kind of edit, a page whose key
/// did not change has the very same bytes, so a rebuild may leave it as it is.
final class PageKeyTests: XCTestCase {
    /// The microsite and its theme, with a section of three pages and a stale translation.
    func makeSite() throws -> TemporaryFolder {
        let folder = try TemporaryFolder([
            "Content/en/guide/_index.md": "---\ntitle: Guide\n---\nThe guide.\n",
            "Content/en/guide/a.md": "---\ntitle: A\nweight: 1\ntags: [one]\n---\nFirst paragraph of A.\n\n## Part\n\nMore.\n",
            "Content/en/guide/b.md": "---\ntitle: B\nweight: 2\n---\nFirst paragraph of B.\n",
            "Content/en/guide/c.md": "---\ntitle: C\nweight: 3\ndate: 2024-01-02\n---\nC.\n",
            "Content/ja/guide/_index.md": "---\ntitle: ガイド\n---\nガイド。\n",
            "Content/ja/guide/a.md": "---\ntitle: エー\ntranslatedFrom: 000000000000\n---\nエーの本文。\n",
        ])
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.content) {
            let target = folder.path + "/Content/" + name
            if !FileManager.default.fileExists(atPath: target) {
                try FileManager.default.copyItem(atPath: Repository.content + "/" + name, toPath: target)
            } else {
                for file in try FileManager.default.contentsOfDirectory(atPath: Repository.content + "/" + name) {
                    try FileManager.default.copyItem(atPath: Repository.content + "/" + name + "/" + file, toPath: target + "/" + file)
                }
            }
        }
        return folder
    }

    /// Each file of a clean build of the folder, with its key.
    func built(_ folder: TemporaryFolder, _ what: String) throws -> [String: (key: UInt64, bytes: Data)] {
        let output = folder.path + "/Built-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = Build(options: BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [folder.path + "/Templates"],
                                                 outputDirectory: output)).run()
        XCTAssertEqual(result.diagnostics.errors, [], what)
        let keys = try XCTUnwrap(OutputWriter.readManifest(output + "/" + OutputWriter.manifestPath))
        var files: [String: (key: UInt64, bytes: Data)] = [:]
        for (path, key) in keys where !path.hasPrefix(".hashi/") {
            files[path] = (key, try Data(contentsOf: URL(fileURLWithPath: output + "/" + path)))
        }
        return files
    }

    func edit(_ folder: TemporaryFolder, _ path: String, _ change: (String) -> String) throws {
        let text = try XCTUnwrap(folder.read(path), path)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit of \(path) changes it")
        try folder.write([path: changed])
    }

    func testAPageWhoseKeyStaysAfterAnEditIsTheSamePage() throws {
        let folder = try makeSite()
        let edits: [(String, () throws -> Void)] = [
            ("a title in the menu and in lists", { try self.edit(folder, "Content/en/history.md") { $0.replacingOccurrences(of: "title: \"History", with: "title: \"Past") } }),
            ("a listed page's description", { try self.edit(folder, "Content/en/guide/a.md") { $0.replacingOccurrences(of: "weight: 1", with: "weight: 1\ndescription: About A") } }),
            ("a listed page's first paragraph", { try self.edit(folder, "Content/en/guide/b.md") { $0.replacingOccurrences(of: "First paragraph", with: "Opening paragraph") } }),
            ("a weight, so the order of a list", { try self.edit(folder, "Content/en/guide/c.md") { $0.replacingOccurrences(of: "weight: 3", with: "weight: 0") } }),
            ("a date", { try self.edit(folder, "Content/en/guide/c.md") { $0.replacingOccurrences(of: "2024-01-02", with: "2024-03-04") } }),
            ("tags", { try self.edit(folder, "Content/en/guide/a.md") { $0.replacingOccurrences(of: "[one]", with: "[one, two]") } }),
            ("a heading, so a table of contents", { try self.edit(folder, "Content/en/guide/a.md") { $0.replacingOccurrences(of: "## Part", with: "## Part one\n\n## Part two") } }),
            ("a slug, so links to the page", { try self.edit(folder, "Content/en/guide/b.md") { $0.replacingOccurrences(of: "weight: 2", with: "weight: 2\nslug: bee") } }),
            ("the source of a stale translation", { try self.edit(folder, "Content/en/guide/a.md") { $0 + "\nA new closing line.\n" } }),
            ("a source's date, which its stale translation's notice shows", { try self.edit(folder, "Content/en/guide/a.md") { $0.replacingOccurrences(of: "weight: 1", with: "weight: 1\ndate: 2020-05-06") } }),
            ("a stale translation brought up to date", { try self.edit(folder, "Content/ja/guide/a.md") { $0.replacingOccurrences(of: "translatedFrom: 000000000000\n", with: "") } }),
            ("a page added to a section", { try folder.write(["Content/en/guide/d.md": "---\ntitle: D\n---\nD.\n"]) }),
            ("a translation added", { try folder.write(["Content/ja/guide/b.md": "---\ntitle: ビー\n---\nビー。\n"]) }),
            ("a page deleted", { try FileManager.default.removeItem(atPath: folder.path + "/Content/ja/guide/b.md") }),
            ("a layout chosen in front matter", { try self.edit(folder, "Content/en/guide/d.md") { $0.replacingOccurrences(of: "title: D", with: "title: D\nlayout: section") } }),
            ("a translation key that pairs other pages", {
                try self.edit(folder, "Content/en/guide/c.md") { $0.replacingOccurrences(of: "title: C", with: "title: C\ntranslationKey: cee") }
                try self.edit(folder, "Content/ja/guide/a.md") { $0.replacingOccurrences(of: "title: エー", with: "title: エー\ntranslationKey: cee") }
            }),
            ("the menu", { try self.edit(folder, "Content/site.yaml") { $0.replacingOccurrences(of: "  - history.md\n", with: "") } }),
            ("a language's title", { try self.edit(folder, "Content/site.yaml") { $0.replacingOccurrences(of: "title: Human Trafficking in Japan", with: "title: Trafficking in Japan") } }),
            ("the base URL", { try self.edit(folder, "Content/site.yaml") { "baseURL: https://example.org/site/\n" + $0 } }),
            ("the help page", { try self.edit(folder, "Content/site.yaml") { $0.replacingOccurrences(of: "helpPage: report.md", with: "helpPage: safety.md") } }),
            ("a brand", { try self.edit(folder, "Content/site.yaml") { $0 + "brand:\n  name: A Support Group\n  primaryColor: \"#1a5fb4\"\n" } }),
            ("a UI string", { try self.edit(folder, "Templates/i18n/en.yaml") { $0.replacingOccurrences(of: "Skip to main content", with: "Skip to the content") } }),
            ("a stylesheet", { try self.edit(folder, "Templates/assets/site.css") { $0 + "\n/* a comment */\n.card { margin: 0; }\n" } }),
            ("a partial", { try self.edit(folder, "Templates/partials/children.mustache") { "<!-- lists -->\n" + $0 } }),
            ("the channels data", { try self.edit(folder, "Content/data/reporting-channels.yaml") {
                $0.replacingOccurrences(of: "Emergency calls when someone is in danger now", with: "Call when someone is in danger now") } }),
            ("fallback pages for missing translations", { try self.edit(folder, "Content/site.yaml") { "missingTranslation: fallback\n" + $0 } }),
            ("the source of a fallback page", { try self.edit(folder, "Content/en/guide/c.md") { $0 + "\nMore of C.\n" } }),
        ]
        var previous = try built(folder, "the first build")
        for (what, change) in edits {
            try change()
            let now = try built(folder, what)
            for (path, file) in now {
                guard let before = previous[path], before.key == file.key else { continue }
                XCTAssertTrue(before.bytes == file.bytes, "after \(what): \(path) changed but kept its key")
            }
            XCTAssertNotEqual(Set(now.keys.map { now[$0]!.key }), Set(previous.keys.map { previous[$0]!.key }), "\(what) changes some key")
            previous = now
        }
    }
}
