import HashiContent
import HashiSupport

/// Where a build puts the site. `hashi build` writes through `OutputWriter` (a staging folder
/// swapped in at the end); `hashi check` runs the very same stages through `DiscardingOutput`, so
/// a check fails exactly where a build would.
///
/// Every method but `prepare`, `commit` and `abort` may be called from many threads at once.
public protocol SiteOutput: AnyObject, Sendable {
    /// Claims the output before anything is written (a build's lock and staging folder).
    func prepare() throws(OutputFailure)
    /// True when the file `path` with this key is in the new site already, so the caller need not make it.
    func reuse(_ path: String, key: UInt64) -> Bool
    /// The bytes of a file of the site an earlier build left, or nil.
    func readCurrent(_ path: String) -> [UInt8]?
    /// Carries the file `path` of the earlier site over unchanged; false when it cannot.
    func keep(_ path: String) -> Bool
    /// One file of the site. `key` says what it was made from (a page's inputs); without one, the bytes are the key.
    func write(_ path: String, bytes: UnsafeRawBufferPointer, key: UInt64?)
    /// A file of the site copied from `source`.
    func copy(from source: String, to path: String)
    /// Puts the new site in place; throws the first failure of any write.
    func commit() throws(OutputFailure)
    /// Gives up: the previous site stays as it was.
    func abort()
    /// After a commit: keeps what is of this machine and no part of the site (the stamps of the
    /// sources read) beside the output, for the next build into it. Only `OutputWriter` keeps it.
    func keepBeside(_ name: String, bytes: [UInt8])
}

extension SiteOutput {
    public func keepBeside(_ name: String, bytes: [UInt8]) {}

    public func write(_ path: String, contents: String, key: UInt64? = nil) {
        var text = contents
        text.withUTF8 { write(path, bytes: UnsafeRawBufferPointer($0), key: key) }
    }

    public func write(_ path: String, bytes: UnsafeRawBufferPointer) {
        write(path, bytes: bytes, key: nil)
    }
}

/// What can go wrong putting a site in place.
/// Its words and codes are in `WriteDiagnostics.swift`.
public enum OutputFailure: Error, CustomStringConvertible {
    case foreignOutput(String)
    case cannotCreate(String, String)
    case cannotWrite(String, String)
    case cannotSwap(String, String)
    /// The new site was decided but not all of it could be moved in; the next build finishes it.
    case cannotComplete(String, String)
    case busy(String)
}
