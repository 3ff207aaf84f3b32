import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over every core, results in the original order. `HASHI_SEQUENTIAL=1` in the
    /// environment makes it a plain `map`, to check that parallel output is the same.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, getenv("HASHI_SEQUENTIAL") == nil else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // The results are copied out below; the buffer's own must be released, or every
            // value made here (parsed pages, token counts) would stay in memory to the end.
            _ = results.deinitialize()
            results.deallocate()
        }
        let box = UncheckedBox(results)
        self.withUnsafeBufferPointer { items in
            let itemsBox = UncheckedBox(items)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                box.value[index] = transform(itemsBox.value[index])
            }
        }
        return results.map { $0! }
    }
}

/// Lets `concurrentPerform` write disjoint slots of one buffer.
private struct UncheckedBox<T>: @unchecked Sendable {  // each thread writes only its own slots
    let value: T
    init(_ value: T) { self.value = value }
}

extension Array where Element: Sendable {
    /// Runs `body` for every element on every core.
    package func concurrentForEach(_ body: @Sendable (Element) -> Void) {
        _ = concurrentMap(body)
    }
}

extension Array where Element: Sendable {
    /// Runs `body` on every element in place, on every core; each call sees only its own element.
    package mutating func concurrentUpdate(_ body: @Sendable (Int, inout Element) -> Void) {
        guard count > 1, getenv("HASHI_SEQUENTIAL") == nil else {
            for index in indices { body(index, &self[index]) }
            return
        }
        withUnsafeMutableBufferPointer { elements in
            let box = UncheckedBox(elements)
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                body(index, &box.value[index])
            }
        }
    }
}
