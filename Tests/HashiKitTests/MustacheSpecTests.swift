import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// The official Mustache spec (`../shared/mustache-spec/` beside the repository) run through
/// hashi's template engine: every test of every module it claims must give the expected bytes.
final class MustacheSpecTests: XCTestCase {
    /// The modules hashi claims, every test of which runs.
    static let claimed = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// The tests that do not run, by module (`*`: all of its tests), each with why.
    static let skipped: [(module: String, test: String, reason: String)] = [
        ("~lambdas", "*", "a page's context is data only (strings, numbers, lists), so no template can call code"),
        ("~dynamic-names", "*", "hashi rejects {{>*name}} with an error at its line and column (checked below), so a theme names each partial"),
    ]

    static var folder: String { Repository.root + "/../shared/mustache-spec" }

    func testEveryClaimedModulePasses() throws {
        var ran = 0
        var failed: [String] = []
        for module in Self.claimed {
            for test in try Self.load(module) {
                ran += 1
                if let problem = Self.run(test) { failed.append("\(module): \(test.name): \(problem)") }
            }
        }
        print("Mustache spec: \(ran) tests of \(Self.claimed.count) modules run, \(ran - failed.count) passed")
        XCTAssertEqual(ran, 163)
        XCTAssertEqual(failed, [])
    }

    func testSkippedTestsAreListedWithTheirReason() throws {
        for (module, name, reason) in Self.skipped {
            XCTAssertFalse(Self.claimed.contains(module), "\(module) is both claimed and skipped")
            for test in try Self.load(module) where name == "*" || name == test.name {
                print("Mustache spec: skipped \(module): \(test.name): \(reason)")
            }
        }
    }

    /// What hashi does not render is an error where it is written, never an empty output.
    func testDynamicNamesAreRejectedAtTheirTag() throws {
        for test in try Self.load("~dynamic-names") {
            var parser = TemplateParser(test.template)
            XCTAssertThrowsError(try parser.parseAll(), test.name) { error in
                let failure = error as? TemplateParser.Failure
                XCTAssertEqual(failure?.message.hasPrefix("dynamic names such as"), true, test.name)
                XCTAssertEqual(failure.map { test.template.utf8.dropFirst($0.offset).starts(with: "{{".utf8) }, true, test.name)
            }
        }
    }

    struct Test: Decodable {
        var name: String
        var template: String
        var partials: [String: String]?
        var data: SpecValue
        var expected: String
    }

    struct File: Decodable {
        var tests: [Test]
    }

    /// The spec's JSON data as the engine's values: numbers as the text JSON wrote, null as null.
    struct SpecValue: Decodable {
        var value: TemplateValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Int.self) {
                value = .scalar(String(number))
            } else if let number = try? container.decode(Double.self) {
                value = .scalar(String(number))
            } else if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if let items = try? container.decode([SpecValue].self) {
                value = .list(items.map(\.value))
            } else {
                value = .object(TemplateObject(try container.decode([String: SpecValue].self).mapValues(\.value)))
            }
        }
    }

    static func load(_ module: String) throws -> [Test] {
        let path = folder + "/" + module + ".json"
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail("the Mustache spec is missing: \(path) (shared/mustache-spec sits beside the repository)")
            return []
        }
        return try JSONDecoder().decode(File.self, from: data).tests
    }

    /// nil when the output is the expected one, else what went wrong.
    static func run(_ test: Test) -> String? {
        var sources = test.partials ?? [:]
        let main = "spec test template"
        sources[main] = test.template
        do {
            let compiled = try CompiledTemplates(sources: sources)
            let output = compiled.render(main, context: test.data.value).map { String(decoding: $0, as: UTF8.self) }
            return output == test.expected ? nil : "\(test.expected.debugDescription) expected, got \(String(describing: output?.debugDescription))"
        } catch {
            return "\(error.template) not read: \(error.failure.message)"
        }
    }
}
