/// Random text for the tests that hold a fast path against its plain rule: `count` pieces drawn
/// from `pieces` (their number itself drawn from `count`), joined.
extension SplitMix64 {
    mutating func text(of pieces: [String], count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &self)).map { _ in pieces.randomElement(using: &self)! }.joined()
    }
}
