import Foundation

/// Text a build holds for a while and then lets go of, whichever copies of the value holding it
/// are still around: a page's Markdown once its document is parsed, its HTML once it is written.
/// At 20,000 pages that is most of a build's memory.
///
/// It is read from many threads; it is released only between stages, when nothing reads it.
final class ReleasableText: @unchecked Sendable {
    private var value: String
    private(set) var isReleased = false

    init(_ value: String) {
        self.value = value
    }

    var text: String {
        precondition(!isReleased, "a text released after its stage was read again")
        return value
    }

    func release() {
        value = ""
        isReleased = true
    }
}
