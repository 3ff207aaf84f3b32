import Foundation
import HashiSupport

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
                let modified = Platform.modificationTime(info)
                entries.append("\(folder)/\(item) \(info.st_size) \(modified.seconds).\(modified.nanoseconds)")
            }
        }
        return entries.sorted()
    }
}
