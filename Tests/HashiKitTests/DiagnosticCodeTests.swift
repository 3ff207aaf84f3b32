import Foundation
import HashiKit
import HashiSupport
import XCTest

/// The codes of diagnostics are what CI filters on: each well formed, each naming one kind of
/// problem, every case of every stage's enum listed, and every code documented.
final class DiagnosticCodeTests: XCTestCase {
    static let wellFormed = try! NSRegularExpression(pattern: "^[a-z]+(\\.[a-z0-9-]+)+$")

    static func isWellFormed(_ code: String) -> Bool {
        wellFormed.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil
    }

    func testEveryCodeIsWellFormed() {
        for kind in DiagnosticCatalog.kinds {
            for sample in kind.samples {
                XCTAssertTrue(Self.isWellFormed(sample.code), "\(kind.type).\(DiagnosticCatalog.caseName(sample)): \(sample.code)")
            }
        }
    }

    func testNoTwoKindsOfProblemShareACode() {
        var owners: [String: Set<String>] = [:]
        for kind in DiagnosticCatalog.kinds {
            for sample in kind.samples {
                owners[sample.code, default: []].insert(kind.type + "." + DiagnosticCatalog.caseName(sample))
            }
        }
        for (code, cases) in owners where cases.count > 1 {
            XCTFail("\(code) is the code of \(cases.sorted().joined(separator: " and "))")
        }
    }

    /// The samples list each case once, and every case the enum declares: a new case without a
    /// sample would escape the tests above and the documentation.
    func testTheSamplesListEveryCaseOnce() throws {
        for kind in DiagnosticCatalog.kinds {
            let names = kind.samples.map(DiagnosticCatalog.caseName)
            XCTAssertEqual(names.count, Set(names).count, "\(kind.type) lists a case twice: \(names)")
            let declared = try Self.declaredCases(of: kind.type, in: Repository.root + "/" + kind.file)
            XCTAssertEqual(Set(names), declared, "\(kind.type): the samples and the declared cases differ")
        }
    }

    /// The names of the `case` lines of one enum in a source file (one case a line, as those files are written).
    static func declaredCases(of type: String, in path: String) throws -> Set<String> {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains("enum \(type)") }) else { return [] }
        var names: Set<String> = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("}") { break }
            guard line.hasPrefix("    case ") else { continue }
            names.insert(String(line.dropFirst(9).prefix { $0.isLetter || $0.isNumber }))
        }
        return names
    }

    /// Every code has its row in docs/DIAGNOSTICS.md, with its stage and severity, and the table
    /// names no code hashi does not emit.
    func testDiagnosticsDocumentListsEveryCode() throws {
        let text = try String(contentsOfFile: Repository.root + "/docs/DIAGNOSTICS.md", encoding: .utf8)
        var rows: [String: [String]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells
        }
        for kind in DiagnosticCatalog.kinds {
            for sample in kind.samples {
                guard let row = rows[sample.code] else {
                    XCTFail("docs/DIAGNOSTICS.md has no row for \(sample.code) (\(kind.type).\(DiagnosticCatalog.caseName(sample)))")
                    continue
                }
                XCTAssertEqual(row.count, 5, "\(sample.code): a row is code | stage | severity | what it means | what to do")
                XCTAssertEqual(row[1], kind.stage, sample.code)
                XCTAssertTrue(row[2].hasPrefix(sample.severity.rawValue), "\(sample.code): severity \(row[2])")
            }
        }
        XCTAssertEqual(Set(rows.keys).subtracting(DiagnosticCatalog.codes), [], "documented codes hashi does not emit")
    }

    /// What a real build reports carries codes of the catalogue: the broken fixture, and a few bad inputs.
    func testBuildsReportKnownCodes() throws {
        let broken = Repository.fixtures + "/broken"
        let options = BuildOptions(contentDirectory: broken + "/Content", templateDirectories: [Repository.templates],
                                   outputDirectory: NSTemporaryDirectory() + "hashi-codes-\(getpid())", dryRun: true)
        let result = Build(options: options).run()
        XCTAssertEqual(Set(result.diagnostics.map(\.code)), [
            "link.missing-heading", "text.invalid-utf8", "frontmatter.invalid-name", "translation.missing",
            "frontmatter.no-title", "link.missing-page", "yaml.invalid",
        ])
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\nmissingTranslation: maybe\nbrand:\n  primaryColor: red\n",
            "Content/en/_index.md": "---\ntitle: Home\nweight: heavy\n---\n![x](https://example.org/a.png)\n",
            "Content/en/empty.md": "",
            "Content/en/open.md": "---\ntitle: Open\n",
            "Content/data/reporting-channels.yaml": "channels:\n  - id: Police\n    phone: call us\n",
        ])
        let bad = Build(options: BuildOptions(contentDirectory: folder.path + "/Content", templateDirectories: [Repository.templates],
                                              outputDirectory: folder.path + "/Output")).run()
        XCTAssertTrue(bad.diagnostics.allSatisfy { DiagnosticCatalog.codes.contains($0.code) }, "\(bad.diagnostics.map(\.code))")
        XCTAssertEqual(Set(bad.diagnostics.map(\.code)), [
            "site.invalid-missing-translation", "brand.invalid-color", "yaml.not-integer", "frontmatter.empty-file",
            "frontmatter.not-closed", "channel.invalid-id", "channel.phone", "channel.missing-field",
        ])
    }
}
