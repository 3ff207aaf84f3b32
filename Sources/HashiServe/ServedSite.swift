/// The files of one built site as the server answers them: paths relative to the site's root
/// (`en/index.html`) and their bytes. A value, so a rebuild swaps it whole and a response in
/// flight keeps the site it started with.
public struct ServedSite: Sendable {
    public var files: [String: [UInt8]]
    /// Counts the sites served so far; a page carries the version it was served from, so it reloads
    /// for any later one even if it connects after that one arrived.
    public internal(set) var version = 0

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }
}
