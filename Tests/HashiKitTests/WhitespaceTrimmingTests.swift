import XCTest
@testable import HashiSupport

/// Trimming by bytes against trimming character by character.
final class WhitespaceTrimmingTests: XCTestCase {
    func testQuickTrimmingAgreesWithTheRule() {
        var random = SplitMix64(seed: 3)
        let pieces = [" ", "\t", "\r\n", "\n", "\r", "\u{0B}", "a", "b/", "#", "\u{301}", "\u{A0}", "\u{3000}", "\u{85}",
                      "é", "の", "\u{600}", "1", "\u{1F}"]
        for round in 0..<20_000 {
            let text = random.text(of: pieces, count: 0...6)
            let plain = WhitespaceTrimming.plainTrimmed(text[...])
            XCTAssertEqual(String(WhitespaceTrimming.trimmed(text[...])), String(plain), "round \(round): \(Array(text.unicodeScalars))")
            if let quick = WhitespaceTrimming.quickTrimmed(text[...]) {
                XCTAssertEqual(String(quick), String(plain), "round \(round): \(Array(text.unicodeScalars))")
            }
        }
        XCTAssertEqual(" \t/a/b.md \n".trimmingWhitespace, "/a/b.md")
        XCTAssertNotNil(WhitespaceTrimming.quickTrimmed(" /a/b.md "[...]))
    }
}
