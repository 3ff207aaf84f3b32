import Foundation
import HashiContent
import HashiSupport

/// What `hashi serve` keeps of its last Load stage, and the files its watcher saw change since. When
/// only pages' Markdown files changed, edited in place, the next Load stage reads just those files
/// and takes the rest as it was: the settings, data, theme and copied files, and every other page.
/// Anything else (a file added, removed or renamed, a setting, data or theme file, or a change the
/// watcher could not name) loads the site whole.
final class LoadMemory: @unchecked Sendable {  // used by one build at a time, between builds by the session
    /// The last Load stage's site and what it reported.
    var last: (site: LoadedSite, diagnostics: [Diagnostic])?
    /// Paths the watcher reported since the last build; nil when not known (polling, the first build).
    var changed: Set<String>?
    /// Loads that read only the changed pages, for the tests.
    private(set) var quickLoads = 0

    /// The site of the last load with the changed pages read again, or nil when it must be loaded whole.
    func quickLoad(options: BuildOptions, cache: BuildCache) -> (site: LoadedSite, diagnostics: [Diagnostic])? {
        guard let last, let changed else { return nil }
        let content = last.site.content
        // A theme folder outside the watched ones (named by site.yaml) could change unseen.
        let watched = [options.contentDirectory] + options.templateDirectories + [options.overlayDirectory].compactMap { $0 }
        let themes = LoadStage(options: options, cache: cache).templateFolders(named: content.config.templateFolders)
        guard themes.allSatisfy({ theme in watched.contains { theme == $0 || theme.hasPrefix($0 + "/") } }) else { return nil }
        let languageFolders = content.config.languages.map { options.contentDirectory + "/" + $0.code + "/" }
        let known = Set(content.sourcePaths + content.staticFiles.map(\.sourcePath))
        let pages = changed.filter { path in
            // A hidden file or a backup is never read; a file come and gone in a language folder (an
            // editor's temporary file) was never part of the site.
            let name = path.split(separator: "/").last ?? ""
            if !known.contains(path) && (name.hasPrefix(".") || name.hasSuffix("~")) { return false }
            if !known.contains(path) && !FileManager.default.fileExists(atPath: path) && languageFolders.contains(where: path.hasPrefix) {
                return false
            }
            return true
        }
        let loader = ContentLoader(contentDirectory: options.contentDirectory, displayDirectory: options.contentDirectory, cache: cache)
        guard let reloaded = loader.reloading(pages, in: content) else { return nil }
        var diagnostics = last.diagnostics
        for old in reloaded.old {
            if let index = diagnostics.firstIndex(of: old) { diagnostics.remove(at: index) }
        }
        diagnostics += reloaded.new
        var site = last.site
        site.content = reloaded.content
        quickLoads += 1
        return (site, diagnostics)
    }
}
