import XCTest
@testable import HashiSite
@testable import HashiSupport

/// `TemplateObject`, the engine's fast path for an object's members, against the plain
/// `[String: TemplateValue]` it stands in for: the same names, set in random orders, again and
/// again, read back the same, small objects and large ones alike.
final class TemplateObjectTests: XCTestCase {
    func testReadsAndWritesAsADictionaryDoes() {
        let pieces = ["a", "b", "title", "href", "é", "語", ".", "Z", "brandStylesheet", "languageSwitcherLabel"]
        var random = SplitMix64(seed: 41)
        for round in 0..<300 {
            var object = TemplateObject(minimumCapacity: Int.random(in: 0...64, using: &random))
            var plain: [String: TemplateValue] = [:]
            for step in 0..<Int.random(in: 0...(round % 3 == 0 ? 200 : 20), using: &random) {
                let name = random.text(of: pieces, count: 1...3)
                let value = TemplateValue.scalar(String(step))
                if Bool.random(using: &random) {
                    object[name] = value
                } else {
                    object.set(value, for: TemplateObject.Name(name))
                }
                plain[name] = value
                let probe = random.text(of: pieces, count: 1...3)
                XCTAssertEqual(object[probe], plain[probe], probe)
                XCTAssertEqual(object[TemplateObject.Name(probe)], plain[probe], probe)
            }
            XCTAssertEqual(object.count, plain.count)
            XCTAssertEqual(object.dictionary, plain)
            XCTAssertEqual(Set(object.keys), Set(plain.keys))
            XCTAssertEqual(object, TemplateObject(plain))
            for (name, value) in object { XCTAssertEqual(plain[name], value, name) }
        }
    }

    func testEqualityIsThatOfTheMembers() {
        let one: TemplateObject = ["a": .string("1"), "b": .bool(true)]
        XCTAssertEqual(one, ["b": .bool(true), "a": .string("1")])
        XCTAssertNotEqual(one, ["a": .string("1")])
        XCTAssertNotEqual(one, ["a": .string("1"), "b": .bool(false)])
        XCTAssertNotEqual(one, ["a": .string("1"), "c": .bool(true)])
    }

    /// Keeps its members in the order they were first set; setting a name again replaces its value.
    func testANameSetAgainKeepsItsPlace() {
        var object = TemplateObject()
        object["x"] = .string("1")
        object["y"] = .string("2")
        object["x"] = .string("3")
        XCTAssertEqual(object.keys, ["x", "y"])
        XCTAssertEqual(object["x"], .string("3"))
    }
}
