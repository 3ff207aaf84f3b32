import XCTest
@testable import HashiSupport

/// The fast UTF-8 check and the unchecked `String` against the standard library's.
final class UTF8TextTests: XCTestCase {
    private func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) }
    }

    func testEdgeSequencesAgreeWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            [], [0x41], [0x7F], [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xC2],
            [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
            [0xE3, 0x81], [0xE3, 0x81, 0x41], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
            Array("abcdefghijklmnop".utf8) + [0xE3], Array("家具の固定 and more ASCII text here".utf8),
        ]
        // Each alone, and followed by more text (a sequence with bytes after it is read another way).
        for bytes in cases + cases.map({ $0 + Array("ab".utf8) }) + cases.map({ Array("x".utf8) + $0 + Array("の".utf8) }) {
            XCTAssertEqual(isValid(bytes), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
        }
    }

    func testRandomBytesAgreeWithTheStandardLibrary() {
        var random = SplitMix64(seed: 5)
        // Pieces of valid text with a random byte here and there, so both answers come up often.
        let pieces: [[UInt8]] = ["a", "bcdefghij", " ", "é", "の", "家具", "😀", "\n"].map { Array($0.utf8) }
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                if Int.random(in: 0..<8, using: &random) == 0 {
                    bytes.append(UInt8.random(in: 0...255, using: &random))
                } else {
                    bytes += pieces.randomElement(using: &random)!
                }
            }
            let expected = String(validating: bytes, as: UTF8.self)
            XCTAssertEqual(isValid(bytes), expected != nil, "round \(round): \(bytes)")
            if let expected {
                XCTAssertEqual(UTF8Text.string(bytes), expected)
                XCTAssertEqual(Array(UTF8Text.string(bytes).utf8), bytes)
            }
        }
    }
}
