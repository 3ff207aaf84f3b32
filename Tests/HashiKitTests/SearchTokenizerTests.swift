import Foundation
import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// The Swift tokenizer against the vectors `Tests/js/tokenizer.test.mjs` checks for `search.js`.
final class SearchTokenizerTests: XCTestCase {
    struct Vector: Decodable {
        var note: String
        var input: String
        var tokens: [String]
        var positions: [Int]
    }

    func testSharedVectors() throws {
        let url = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Vectors/tokenizer.json")
        let vectors = try JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))
        XCTAssertGreaterThan(vectors.count, 10)
        for vector in vectors {
            let tokens = SearchTokenizer().tokens(vector.input)
            XCTAssertEqual(tokens.map(\.text), vector.tokens, "\(vector.note): \(vector.input)")
            XCTAssertEqual(tokens.map(\.position), vector.positions, "\(vector.note): \(vector.input)")
        }
    }

    func testWidthFormsFoldTogether() {
        XCTAssertEqual(SearchTokenizer.normalize("ＡＥＤ"), "aed")
        XCTAssertEqual(SearchTokenizer.normalize("ｼｪﾙﾀｰ"), "シェルター")
    }

    func testInflectionsMeet() {
        XCTAssertEqual(Stemmer.stem("shelters"), Stemmer.stem("shelter"))
        XCTAssertEqual(Stemmer.stem("evacuating"), Stemmer.stem("evacuation"))
        XCTAssertEqual(Stemmer.stem("flooding"), Stemmer.stem("flood"))
        XCTAssertNotEqual(Stemmer.stem("flood"), Stemmer.stem("food"))
    }

    func testQueryGroupsCJKRunsIntoPhrases() {
        XCTAssertEqual(SearchQuery("技能実習 shelters").terms.map(\.tokens), [["技能", "能実", "実習"], ["shelt"]])
        XCTAssertEqual(SearchQuery("東京 都合").terms.map(\.tokens), [["東京"], ["都合"]])
    }

    /// The same numbers as `Tests/js/tokenizer.test.mjs`, so both sides look in the same shard.
    func testShardNumbersMatchTheScript() {
        XCTAssertEqual(["shelt", "実習", "evacu", "aed"].map { SearchIndexBuilder.shard(of: $0, count: 64) }, [30, 46, 34, 43])
        XCTAssertEqual(SearchIndexBuilder.shard(of: "実習", count: 64), SearchIndexBuilder.shard(of: "実", count: 64))
    }
}

final class FastNormalizationTests: XCTestCase {
    /// The shortcut must give exactly what NFKC + lowercase (+ folding) gives, scalar by scalar and in context.
    func testShortcutAgreesWithNFKCForEveryCharacterItTakes() {
        var taken = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            guard let fast = SearchTokenizer.fastNormalized(text).map({ String(decoding: $0, as: UTF8.self) }) else { continue }
            taken += 1
            XCTAssertEqual(fast, text.precomposedStringWithCompatibilityMapping.lowercased(), String(format: "U+%04X", value))
        }
        XCTAssertGreaterThan(taken, 20_000)
        // Runs of ASCII are lowercased eight bytes at a time: every ASCII byte, at every offset.
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 1...0x7F, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self) + (length % 3 == 0 ? "実習" : "")
            XCTAssertEqual(SearchTokenizer.fastNormalized(text).map { String(decoding: $0, as: UTF8.self) }, text.lowercased(), "\(bytes)")
        }
        for text in ["技能実習制度（ＡＥＤ）\u{3000}Shelters…", "かﾞ", "Café", "ｼｪﾙﾀｰ", "A\u{301}"] {
            XCTAssertEqual(SearchTokenizer.normalize(text), SearchTokenizer.fold(text.precomposedStringWithCompatibilityMapping.lowercased()), text)
        }
    }
}
