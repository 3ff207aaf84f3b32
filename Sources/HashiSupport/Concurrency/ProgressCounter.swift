import Foundation

/// Counts finished pages across threads and passes the count on about every hundredth page.
package final class ProgressCounter: @unchecked Sendable {  // `done` is read and written under `lock`
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    package init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    package func advance() {
        guard let report else { return }
        let now = lock.withLock { done += 1; return done }
        if now % 100 == 0 || now == total { report(now, total) }
    }
}

/// A count many threads add to.
package final class SharedCount: @unchecked Sendable {  // `count` is read and written under `lock`
    private let lock = NSLock()
    private var count = 0

    package init() {}

    package func increment() { lock.withLock { count += 1 } }
    package var value: Int { lock.withLock { count } }
}
