import Foundation
import HashiContent
import HashiSupport

/// The output of `hashi check`: every stage runs and every file is made, and nothing is written.
/// It still fails where writing would: a file to copy that cannot be read.
///
/// When the output folder holds a site an earlier build made, its manifest is read (never written):
/// a page whose key is there is not rendered again, and the search index is changed in place of
/// made anew, just as a build into that folder would do. So a check after a build is as quick as a
/// rebuild, and it finds what that build would find.
public final class DiscardingOutput: SiteOutput, @unchecked Sendable {  // `firstError` is read and written under `lock`
    private let lock = NSLock()
    private var firstError: OutputFailure?
    /// The site in place, to compare with; nil for a check that makes every file.
    private let outputDirectory: String?
    private let currentKeys: [String: UInt64]

    /// - Parameter outputDirectory: the output a build would write, whose manifest says what it holds.
    public init(comparingWith outputDirectory: String? = nil) {
        self.outputDirectory = outputDirectory
        currentKeys = outputDirectory.flatMap { OutputWriter.readManifest($0 + "/" + OutputWriter.manifestPath) } ?? [:]
    }

    public func prepare() throws(OutputFailure) {}

    public func reuse(_ path: String, key: UInt64) -> Bool {
        currentKeys[path] == key && !path.hasPrefix(OutputWriter.stateFolder + "/")
    }

    public func readCurrent(_ path: String) -> [UInt8]? {
        guard let outputDirectory, let key = currentKeys[path],
              let bytes = FileReader.bytes(atPath: outputDirectory + "/" + path) else { return nil }
        return bytes.withUnsafeBytes { OutputWriter.contentKey($0) } == key ? bytes : nil
    }

    public func keep(_ path: String) -> Bool {
        guard let outputDirectory, currentKeys[path] != nil else { return false }
        return FileManager.default.fileExists(atPath: outputDirectory + "/" + path)
    }

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
