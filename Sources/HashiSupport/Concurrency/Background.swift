import Foundation

/// Work started on another thread, its result waited for where it is needed: two stages that only
/// read the same values run side by side. With `HASHI_SEQUENTIAL=1` it runs at once on the calling
/// thread, as `concurrentMap` does, so a profile sees one thread.
package final class Background<Value: Sendable>: @unchecked Sendable {  // `result` is set once, before `done` is signalled, and read only after
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () -> Value) {
        guard getenv("HASHI_SEQUENTIAL") == nil else {
            result = work()
            done.signal()
            return
        }
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result, once the work is done.
    package var value: Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
