import Foundation

/// Text a build holds for a while and then lets go of, whichever copies of the value holding it
/// are still around: a page's Markdown once its document is parsed, its HTML once it is written.
/// At 20,000 pages that is most of a build's memory.
///
/// It is read from many threads; it is released only between stages, when nothing reads it.
final class Releasable<Value>: @unchecked Sendable {
    private var value: Value
    private let empty: Value
    private(set) var isReleased = false

    init(_ value: Value, empty: Value) {
        self.value = value
        self.empty = empty
    }

    var current: Value {
        precondition(!isReleased, "a text released after its stage was read again")
        return value
    }

    func release() {
        value = empty
        isReleased = true
    }
}

typealias ReleasableText = Releasable<String>

extension Releasable where Value == String {
    convenience init(_ text: String) { self.init(text, empty: "") }
    var text: String { current }
}

extension Releasable where Value == [UInt8] {
    convenience init(_ bytes: [UInt8]) { self.init(bytes, empty: []) }
}
