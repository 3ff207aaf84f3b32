import Foundation
import HashiSupport

/// The steps that put a rebuilt site in place over the previous one: pending files moved into the
/// output, and files of the previous site deleted. `OutputWriter` writes it whole under another
/// name and renames it to `<output>.hashi-staging/journal`: that rename is the moment a build is
/// decided. Before it the output is the previous site; after it, the steps are carried out, and a
/// build killed half way through them leaves the journal, which the next one carries out again
/// from the start before anything else. Every step may be done twice: a file already moved is
/// skipped, a file already deleted is not missed.
struct OutputJournal {
    enum Step: Equatable {
        /// The file `pending` of the pending folder becomes `path` of the output.
        case move(pending: String, path: String)
        /// `path` of the output is deleted, and its folders with it once they are empty.
        case delete(String)
    }

    let outputDirectory: String
    let stagingRoot: String
    let pendingDirectory: String

    var path: String { stagingRoot + "/journal" }

    /// Writes the steps under a temporary name, then renames the file into place.
    func write(_ steps: [Step]) -> OutputFailure? {
        var bytes: [UInt8] = []
        for step in steps {
            switch step {
            case let .move(pending, path): bytes += Array("m\0\(pending)\0\(path)\0".utf8)
            case .delete(let path): bytes += Array("d\0\(path)\0".utf8)
            }
        }
        let temporary = path + ".new"
        if let failure = bytes.withUnsafeBytes({ OutputWriter.writeFile(temporary, bytes: $0) }) {
            unlink(temporary)
            return .cannotWrite(temporary, failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = Platform.lastError
            unlink(temporary)
            return .cannotSwap(outputDirectory, reason)
        }
        return nil
    }

    /// The steps of the journal in place, or nil when there is none (or only a half-written one,
    /// which never decided anything).
    func read() -> [Step]? {
        unlink(path + ".new")
        guard let bytes = FileReader.bytes(atPath: path) else { return nil }
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var steps: [Step] = []
        var index = 0
        while index + 1 < fields.count {
            if fields[index] == "m", index + 2 < fields.count {
                steps.append(.move(pending: fields[index + 1], path: fields[index + 2]))
                index += 3
            } else if fields[index] == "d" {
                steps.append(.delete(fields[index + 1]))
                index += 2
            } else {
                break
            }
        }
        return steps
    }

    /// Carries out the journal in place, if any, then removes it. On a failure the journal stays,
    /// for the next build to try again.
    func complete() -> OutputFailure? {
        guard let steps = read() else { return nil }
        for step in steps {
            switch step {
            case let .move(pending, path):
                if let failure = move(pendingDirectory + "/" + pending, to: path) { return failure }
            case .delete(let path):
                delete(path)
            }
        }
        unlink(path)
        try? FileManager.default.removeItem(atPath: pendingDirectory)
        return nil
    }

    private func move(_ source: String, to path: String) -> OutputFailure? {
        let target = outputDirectory + "/" + path
        for _ in 0..<3 {
            if rename(source, target) == 0 { return nil }
            switch errno {
            case ENOENT where !OutputWriter.isFile(source):
                return nil  // moved before the build that wrote it was killed
            case ENOENT, ENOTDIR:
                makeFolders(URLPath.folder(of: path))
            case EISDIR, ENOTEMPTY, EEXIST:
                try? FileManager.default.removeItem(atPath: target)  // the previous site had a folder where this one has a file
            default:
                return .cannotComplete(outputDirectory, Platform.lastError)
            }
        }
        return .cannotComplete(outputDirectory, Platform.lastError)
    }

    /// Before the journal is written: makes the folders its moves need (an empty folder changes no
    /// site) and refuses a name the system cannot hold, so that the moves seldom fail once decided.
    /// A folder where the previous site has a file is left to the moves.
    func makeRoom(for steps: [Step]) -> OutputFailure? {
        var seen: Set<String> = []
        for case let .move(_, path) in steps {
            if (outputDirectory + "/" + path).utf8.count >= Int(PATH_MAX) || path.split(separator: "/").contains(where: { $0.utf8.count > Int(NAME_MAX) }) {
                return .cannotWrite(path, String(cString: strerror(ENAMETOOLONG)))
            }
            let folder = URLPath.folder(of: path)
            guard !folder.isEmpty, seen.insert(folder).inserted, !OutputWriter.isFolder(outputDirectory + "/" + folder) else { continue }
            var current = outputDirectory
            for part in folder.split(separator: "/") {
                current += "/" + part
                var info = stat()
                if lstat(current, &info) == 0 {
                    if (info.st_mode & S_IFMT) == S_IFDIR { continue }
                    break
                }
                guard mkdir(current, 0o755) == 0 else { return .cannotCreate(current, Platform.lastError) }
            }
        }
        return nil
    }

    /// Makes the folders of `folder` (`en/guide/`) under the output, deleting a file of the
    /// previous site that stands where the new one has a folder.
    private func makeFolders(_ folder: String) {
        var current = outputDirectory
        for part in folder.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) == 0 || OutputWriter.isFolder(current) { continue }
            unlink(current)
            mkdir(current, 0o755)
        }
    }

    private func delete(_ path: String) {
        guard unlink(outputDirectory + "/" + path) == 0 || errno == ENOENT else { return }
        var folder = URLPath.folder(of: path)
        while !folder.isEmpty, rmdir(outputDirectory + "/" + folder) == 0 {
            folder = URLPath.folder(of: String(folder.dropLast()))
        }
    }
}
