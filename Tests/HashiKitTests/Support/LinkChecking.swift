import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

extension XCTestCase {
    /// Follows every `href` and `src` in every HTML file and fails on a target that is not there.
    func assertNoBrokenLinks(in root: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var checked = 0
        while let item = enumerator?.nextObject() as? String {
            guard item.hasSuffix(".html") else { continue }
            let html = try String(contentsOfFile: root + "/" + item, encoding: .utf8)
            let folder = (item as NSString).deletingLastPathComponent
            for target in Self.references(in: html) where !target.contains(":") && !target.hasPrefix("#") {
                let path = URLPath.decode(String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]))
                guard let resolved = URLPath.normalize((folder.isEmpty ? "" : folder + "/") + path) else {
                    XCTFail("\(item): \(target) leaves the site", file: file, line: line)
                    continue
                }
                let full = root + "/" + resolved + (resolved.hasSuffix("/") || resolved.isEmpty ? "index.html" : "")
                XCTAssertTrue(FileManager.default.fileExists(atPath: full), "\(item): \(target) leads nowhere", file: file, line: line)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 0, file: file, line: line)
    }

    static func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return found
    }
}
