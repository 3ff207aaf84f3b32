import Foundation

/// Lists the files under a folder in a stable order, never following a link that leads outside it.
struct DirectoryWalker {
    struct Entry {
        /// `/`-separated path under the root, in Unicode NFC (macOS writes NFD names).
        var relativePath: String
        var absolutePath: String
    }

    let root: String
    /// Shown in warnings instead of the absolute root.
    let displayRoot: String

    /// Regular files under `root`, sorted by path; hidden files and editor backups are skipped.
    func files() -> ([Entry], [Diagnostic]) {
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        let realRoot = Self.realPath(root) ?? root
        walk(folder: root, relative: "", realRoot: realRoot, depth: 0, into: &entries, diagnostics: &diagnostics)
        entries.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return (entries, diagnostics)
    }

    private func walk(folder: String, relative: String, realRoot: String, depth: Int, into entries: inout [Entry], diagnostics: inout [Diagnostic]) {
        guard depth < 64, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") {
            let path = folder + "/" + name
            let relativePath = (relative.isEmpty ? "" : relative + "/") + name.precomposedStringWithCanonicalMapping
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = Self.realPath(path), target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.warning("symbolic link leads outside \(displayRoot); not followed",
                                                at: SourceLocation(file: displayRoot + "/" + relativePath)))
                    continue
                }
                guard stat(path, &info) == 0 else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(folder: path, relative: relativePath, realRoot: realRoot, depth: depth + 1, into: &entries, diagnostics: &diagnostics)
            case S_IFREG:
                entries.append(Entry(relativePath: relativePath, absolutePath: path))
            default:
                continue
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
