import Foundation

/// Notices when any file under some folders is added, removed or changed, by comparing a
/// fingerprint of paths, sizes and modification times; polling needs nothing from the system.
public struct ChangeWatcher: Sendable {
    public let folders: [String]

    public init(folders: [String]) {
        self.folders = folders
    }

    /// Paths with their size and modification time, in a stable order.
    public func fingerprint() -> [String] {
        var entries: [String] = []
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let item = enumerator.nextObject() as? String {
                var info = stat()
                guard stat(folder + "/" + item, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                entries.append("\(folder)/\(item) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            }
        }
        return entries.sorted()
    }
}
