import Foundation
import HashiContent
import HashiSupport

/// The output of `hashi check`: every stage runs and every file is made, and nothing is written.
/// It still fails where writing would: a file to copy that cannot be read.
public final class DiscardingOutput: SiteOutput, @unchecked Sendable {  // `firstError` is read and written under `lock`
    private let lock = NSLock()
    private var firstError: OutputFailure?

    public init() {}

    public func prepare() throws(OutputFailure) {}
    public func reuse(_ path: String, key: UInt64) -> Bool { false }
    public func readCurrent(_ path: String) -> [UInt8]? { nil }
    public func keep(_ path: String) -> Bool { false }
    public func write(_ path: String, bytes: UnsafeRawBufferPointer, key: UInt64?) {}

    public func copy(from source: String, to path: String) {
        guard case .failure(let failure) = FileReader.read(atPath: source) else { return }
        lock.withLock { if firstError == nil { firstError = .cannotWrite(path, "cannot read \(source): \(failure.text)") } }
    }

    public func commit() throws(OutputFailure) {
        if let error = lock.withLock({ firstError }) { throw error }
    }

    public func abort() {}
}
