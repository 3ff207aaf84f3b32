import Foundation

/// Lists the files under a folder in a stable order, never following a link that leads outside it.
///
/// Each folder is read once, known by its device and inode: the real folders first, then the
/// symbolic links to folders, so a link back to a parent (a cycle) or to a folder already read is
/// reported and left alone, and no arrangement of links makes the walk longer than the tree.
/// Any depth is walked. Whatever cannot be read is an error at its path, with the system's reason.
package struct DirectoryWalker {
    package struct Entry {
        /// `/`-separated path under the root, in Unicode NFC (macOS writes NFD names).
        package var relativePath: String
        package var absolutePath: String
        /// The file as `stat` found it while walking.
        package var stamp: FileStamp

        package init(relativePath: String, absolutePath: String, stamp: FileStamp) {
            self.relativePath = relativePath
            self.absolutePath = absolutePath
            self.stamp = stamp
        }
    }

    package let root: String
    /// Shown in diagnostics instead of the absolute root.
    package let displayRoot: String

    package init(root: String, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
    }

    /// A folder as the system knows it, whatever path leads to it.
    private struct FolderID: Hashable {
        package var device: UInt64
        package var inode: UInt64
    }

    /// The walk's state: what it found, and each folder read so far with the path it was read at.
    private struct Walk {
        package var entries: [Entry] = []
        package var diagnostics: [Diagnostic] = []
        package var read: [FolderID: String] = [:]
        /// Folders still to read, and links to folders, read once every real folder is.
        package var pending: [(path: String, relative: String)] = []
        package var links: [(path: String, relative: String)] = []
    }

    /// Regular files under `root`, sorted by path; hidden files and editor backups are skipped.
    package func files() -> ([Entry], [Diagnostic]) {
        var walk = Walk()
        let realRoot = Self.realPath(root) ?? root
        if let id = Self.folderID(root) { walk.read[id] = "" }
        walk.pending = [(root, "")]
        while !walk.pending.isEmpty || !walk.links.isEmpty {
            if let (folder, relative) = walk.pending.popLast() {
                readFolder(folder, relative: relative, realRoot: realRoot, into: &walk)
            } else if let (link, relative) = walk.links.popLast() {
                followLink(link, relative: relative, into: &walk)
            }
        }
        walk.entries.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return (walk.entries, walk.diagnostics + Self.caseCollisions(walk.entries, displayRoot: displayRoot))
    }

    private func readFolder(_ folder: String, relative: String, realRoot: String, into walk: inout Walk) {
        let names: [String]
        switch Self.names(in: folder) {
        case .success(let found): names = found
        case .failure(let reason):
            walk.diagnostics.append(Diagnostic(FileProblem.folderUnreadable(reason: reason.text), at: location(relative)))
            return
        }
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") {
            let path = folder + "/" + name
            // An ASCII name is in NFC already; the mapping costs more than the rest of the walk.
            let normalized = name.utf8.allSatisfy { $0 < 0x80 } ? name : name.precomposedStringWithCanonicalMapping
            let relativePath = (relative.isEmpty ? "" : relative + "/") + normalized
            guard !name.unicodeScalars.contains(where: Self.isControl) else {
                walk.diagnostics.append(Diagnostic(FileProblem.controlCharacterInName,
                                               at: location(Self.printable(relativePath))))
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                walk.diagnostics.append(Diagnostic(FileProblem.fileUnreadable(reason: Platform.lastError), at: location(relativePath)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = Self.realPath(path) else {
                    walk.diagnostics.append(Diagnostic(FileProblem.brokenSymbolicLink, at: location(relativePath)))
                    continue
                }
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    walk.diagnostics.append(Diagnostic(FileProblem.symbolicLinkOutside(root: displayRoot), at: location(relativePath)))
                    continue
                }
                guard stat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    walk.links.append((path, relativePath))
                    continue
                }
            }
            add(path, relative: relativePath, info: info, into: &walk)
        }
    }

    /// A real folder is queued once; a file is listed; anything else (a pipe, a device) is reported.
    private func add(_ path: String, relative: String, info: stat, into walk: inout Walk) {
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            walk.read[FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))] = relative
            walk.pending.append((path, relative))
        case S_IFREG:
            walk.entries.append(Entry(relativePath: relative, absolutePath: path, stamp: FileStamp(info)))
        default:
            walk.diagnostics.append(Diagnostic(FileProblem.notRegularFile, at: location(relative)))
        }
    }

    /// A link to a folder, once every real folder is read: followed only to a folder not read yet.
    private func followLink(_ link: String, relative: String, into walk: inout Walk) {
        guard let id = Self.folderID(link) else { return }
        if let earlier = walk.read[id] {
            let shown = earlier.isEmpty ? displayRoot : displayRoot + "/" + earlier
            walk.diagnostics.append(Diagnostic(FileProblem.symbolicLinkCycle(earlier: shown), at: location(relative)))
            return
        }
        walk.read[id] = relative
        walk.pending.append((link, relative))
    }

    private func location(_ relative: String) -> SourceLocation {
        SourceLocation(file: relative.isEmpty ? displayRoot : displayRoot + "/" + relative)
    }

    /// Two files whose paths differ only in case are one file on macOS and Windows disks and in a zip opened there.
    private static func caseCollisions(_ entries: [Entry], displayRoot: String) -> [Diagnostic] {
        var first: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            let folded = entry.relativePath.lowercased()
            if let other = first[folded] {
                diagnostics.append(Diagnostic(FileProblem.caseCollision(root: displayRoot, other: other),
                                            at: SourceLocation(file: displayRoot + "/" + entry.relativePath)))
            } else {
                first[folded] = entry.relativePath
            }
        }
        return diagnostics
    }

    /// The names in a folder, sorted, or the system's reason it cannot be read.
    private static func names(in folder: String) -> Result<[String], SystemError> {
        guard let stream = opendir(folder) else { return .failure(SystemError()) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    private static func folderID(_ path: String) -> FolderID? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// C0 and C1 controls and DEL: a name with one can break a header, a log line or a link.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The path with each control character written as `\u{…}`, to show it in a diagnostic.
    package static func printable(_ path: String) -> String {
        path.unicodeScalars.map { isControl($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The system's reason for a failed call, caught from `errno` at once.
package struct SystemError: Error {
    package let code: Int32
    package let text: String

    package init() {
        code = errno
        text = Platform.lastError
    }

    package var isMissing: Bool { code == ENOENT }
}
