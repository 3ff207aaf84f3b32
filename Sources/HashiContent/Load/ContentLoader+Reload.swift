import Foundation
import HashiSupport

extension ContentLoader {
    /// `content` with the source files at `paths` read again, for a long-lived session that knows
    /// only they changed (edited in place: none added, removed or renamed), with what reading them
    /// gave before (`old`) and now (`new`). Nil when one of them is not a page of `content`, or is no longer one (gone, unreadable,
    /// its front matter broken, a draft now): the content must then be loaded whole.
    package func reloading(_ paths: Set<String>, in content: LoadedContent) -> (content: LoadedContent, old: [Diagnostic], new: [Diagnostic])? {
        var indexByPath: [String: Int] = [:]
        for (index, path) in content.sourcePaths.enumerated() { indexByPath[path] = index }
        var reloaded = content
        var old: [Diagnostic] = []
        var new: [Diagnostic] = []
        let now = Date()
        for path in paths.sorted() {
            guard let index = indexByPath[path] else { return nil }
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            let before = content.sources[index]
            let entry = DirectoryWalker.Entry(relativePath: before.relativePath, absolutePath: path, stamp: FileStamp(info))
            let (source, fileDiagnostics) = loadSource(entry, language: before.language,
                                                       displayFolder: displayDirectory + "/" + before.language.code, now: now)
            guard let source, !source.file.frontMatter.draft, source.file.displayPath == before.displayPath else { return nil }
            reloaded.sources[index] = source.file
            reloaded.markdown[index] = source.body
            old += content.sourceDiagnostics[index]
            new += fileDiagnostics
            reloaded.sourceDiagnostics[index] = fileDiagnostics
        }
        // The files not read again keep what the cache knew of them.
        let changed = Set(paths.compactMap { indexByPath[$0] })
        cache.keepFiles(content.sources.indices.filter { !changed.contains($0) }.map { content.sources[$0].displayPath })
        return (reloaded, old, new)
    }
}
