import Foundation
import HashiContent
import HashiSupport

/// `hashi build --archive site.zip`: the built site as one zip to share offline. Its files sit in a
/// folder named after the archive (`site/index.html`), and hashi's own `.hashi/` is left out.
package struct SiteArchive {
    let siteDirectory: String
    let archivePath: String

    package init(siteDirectory: String, archivePath: String) {
        self.siteDirectory = siteDirectory
        self.archivePath = archivePath
    }

    /// The folder the files sit in inside the zip: the archive's name without `.zip`.
    var folderName: String {
        let name = archivePath.split(separator: "/").last.map(String.init) ?? "site"
        let stem = name.lowercased().hasSuffix(".zip") ? String(name.dropLast(4)) : name
        return stem.isEmpty ? "site" : stem
    }

    /// Writes the zip beside its final place, then renames it there, so a failure never leaves half a zip.
    package func write() -> [Diagnostic] {
        let (entries, diagnostics) = DirectoryWalker(root: siteDirectory, displayRoot: siteDirectory).files()
        var zip = ZipArchive()
        do {
            for entry in entries {
                guard let bytes = FileReader.bytes(atPath: entry.absolutePath) else {
                    return diagnostics + [Diagnostic(ArchiveProblem.cannotRead(path: entry.relativePath), at: SourceLocation(file: archivePath))]
                }
                try zip.add(path: folderName + "/" + entry.relativePath, contents: bytes)
            }
            let staging = archivePath + ".hashi-staging-\(getpid())"
            try Data(zip.finished()).write(to: URL(fileURLWithPath: staging))
            if rename(staging, archivePath) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: staging)
                return diagnostics + [Diagnostic(ArchiveProblem.cannotWrite(reason: reason), at: SourceLocation(file: archivePath))]
            }
        } catch ZipArchive.Failure.tooLarge(let path) {
            return diagnostics + [Diagnostic(ArchiveProblem.tooLarge(path: path), at: SourceLocation(file: archivePath))]
        } catch {
            return diagnostics + [Diagnostic(ArchiveProblem.cannotWrite(reason: error.localizedDescription), at: SourceLocation(file: archivePath))]
        }
        return diagnostics
    }
}
