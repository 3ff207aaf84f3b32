import Foundation
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// A folder of files written from an inline `[path: contents]` table, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init(_ files: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "hashi-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try write(files)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ files: [String: String]) throws {
        for (relative, contents) in files {
            try writeBytes(relative, Array(contents.utf8))
        }
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    /// Every file under `relative`, as sorted paths.
    func files(under relative: String) -> [String] {
        let root = path + "/" + relative
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isFolder)
            if !isFolder.boolValue { files.append(item) }
        }
        return files.sorted()
    }
}

/// The repository's own folders, found from this file so tests never depend on the working directory.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var templates: String { root + "/Templates" }
    static var content: String { root + "/Content" }
    static var fixtures: String { root + "/Tests/HashiKitTests/Fixtures" }

    /// The `hashi` executable that `swift build --build-tests` made beside the test bundle.
    static var hashi: String {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("hashi").path
    }

    /// Every file of a folder with its contents, to compare a folder before and after.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let item = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder + "/" + item) { files[item] = data }
        }
        return files
    }
}

/// The `site.yaml` of a two-language test site.
let bilingualSiteYAML = """
languages:
  - code: ja
    name: 日本語
    title: テストサイト
  - code: en
    name: English
    title: Test Site
"""

extension TemporaryFolder {
    /// Builds `Content/` of this folder with the given templates into `Output/`.
    func build(templates: [String] = [Repository.templates], dryRun: Bool = false) -> BuildResult {
        Build(options: BuildOptions(contentDirectory: path + "/Content", templateDirectories: templates,
                                    outputDirectory: path + "/Output", dryRun: dryRun)).run()
    }
}

/// A two-language site whose languages carry the source's credit (`footer`), with a page of reporting
/// channels in each: the shape an NGO's copy of the microsite has.
func creditedSite(brand: String = "", files: [String: String] = [:]) throws -> TemporaryFolder {
    let base = [
        "Content/site.yaml": """
        languages:
          - code: ja
            name: 日本語
            title: テストサイト
            footer: 本文は元記事に基づき CC BY-SA 4.0 で公開しています。
          - code: en
            name: English
            title: Test Site
            footer: The text is derived from "the article" and published under CC BY-SA 4.0.
        \(brand)
        """,
        "Content/ja/_index.md": "---\ntitle: ホーム\n---\n[窓口](channels.md)\n",
        "Content/en/_index.md": "---\ntitle: Home\n---\n[Channels](channels.md)\n",
        "Content/ja/channels.md": "---\ntitle: 窓口\nlayout: channels\n---\n",
        "Content/en/channels.md": "---\ntitle: Channels\nlayout: channels\n---\n",
        "Content/data/reporting-channels.yaml": ReuseTests.channelsYAML,
    ]
    return try TemporaryFolder(base.merging(files) { _, new in new })
}
