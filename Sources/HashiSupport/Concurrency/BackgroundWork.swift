import Dispatch
import Foundation

/// Work started on another core now, whose result is waited for when it is needed: the bytes of
/// the build cache, made while the Render and Index stages use the other core. With
/// `HASHI_SEQUENTIAL=1` it runs at once, on the caller's thread.
package final class BackgroundWork<T: Sendable>: @unchecked Sendable {  // `result` is written once, before `done` is signalled
    private let done = DispatchGroup()
    private var result: T?

    package init(_ work: @escaping @Sendable () -> T) {
        if getenv("HASHI_SEQUENTIAL") != nil {
            result = work()
            return
        }
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.leave()
        }
    }

    /// The result, once the work is done.
    package var value: T {
        done.wait()
        return result!
    }
}

/// Lets go of large values on another thread: the last references to a build's site, documents and
/// cache, whose freeing (tens of thousands of objects) need not hold up the caller. They are held a
/// moment, so that the caller has let go of its own references first; a process that ends before
/// then does not wait for it.
package func releaseInBackground(_ values: [any Sendable]) {
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(100)) { withExtendedLifetime(values) {} }
}
