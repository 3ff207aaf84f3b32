import Foundation
import HashiContent
import HashiSite
import HashiSupport

/// What the Load stage hands on: the content with the overlay laid over it, and the theme.
struct LoadedSite: Sendable {
    var content: LoadedContent
    /// nil when the theme has errors; the build then stops after the Model stage has checked the content.
    var templates: TemplateSet?
    /// Files the brand adds (its logo, when it is not a theme asset).
    var brandFiles: [StaticFile]
}

/// Stage 1: reads `site.yaml`, the Markdown of each language (front matter split from the body),
/// the data files, the theme and the overlay.
struct LoadStage {
    let options: BuildOptions
    /// Front matter an earlier build read, reused when unchanged.
    let cache: BuildCache
    /// In `hashi serve`: the last load, and the files the watcher saw change since.
    var memory: LoadMemory? = nil

    func run(_ report: inout BuildReport) -> LoadedSite? {
        if let quick = memory?.quickLoad(options: options, cache: cache) {
            report.add(quick.diagnostics)
            memory?.last = quick
            return quick.site
        }
        var diagnostics: [Diagnostic] = []
        let site = load(&diagnostics)
        report.add(diagnostics)
        memory?.last = site.map { ($0, diagnostics) }
        return site
    }

    /// The whole site, read anew (but for what the cache knows unchanged).
    private func load(_ diagnostics: inout [Diagnostic]) -> LoadedSite? {
        // The theme needs only site.yaml (its folders and languages): it is read on another core
        // while the Markdown is.
        let theme = ThemeLoading()
        var loader = ContentLoader(contentDirectory: options.contentDirectory, displayDirectory: options.contentDirectory, cache: cache)
        loader.configRead = { config in
            let folders = templateFolders(named: config.templateFolders)
            theme.folders = folders
            theme.work = BackgroundWork { TemplateSet.load(folders: folders, displayFolders: folders, languages: config.languages) }
        }
        let (loaded, loadDiagnostics) = loader.load()
        diagnostics += loadDiagnostics
        // Without site.yaml's languages the theme's UI strings cannot be checked: fix that first.
        guard var content = loaded, let (templates, templateDiagnostics) = theme.work?.value else { return nil }
        let folders = theme.folders
        diagnostics += templateDiagnostics
        // What a copy of a worked example still holds, before it goes live.
        diagnostics += ExampleLeftovers(options: options, templateFolders: folders).diagnostics
        let (brandFiles, overlayDiagnostics) = applyOverlay(to: &content, themeAssets: templates?.assets ?? [])
        diagnostics += overlayDiagnostics
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }
        return LoadedSite(content: content, templates: templates, brandFiles: brandFiles)
    }

    /// The theme folders, first match wins: the overlay's `Templates/`, the folders `site.yaml`
    /// names (relative to the content folder), then those of `--templates` (`Templates/` by default).
    func templateFolders(named fromSiteYAML: [String]) -> [String] {
        var folders: [String] = []
        if let overlay = options.overlayDirectory, FileManager.default.fileExists(atPath: overlay + "/Templates") {
            folders.append(overlay + "/Templates")
        }
        folders += fromSiteYAML.map { $0.hasPrefix("/") ? $0 : options.contentDirectory + "/" + $0 }
        folders += options.templateDirectories
        var seen: Set<String> = []
        return folders.filter { seen.insert(DirectoryWalker.realPath($0) ?? $0).inserted }
    }

    /// Lays the overlay folder (if any) over the content, then finds the brand's logo.
    /// Returns the files to copy for the brand (the logo, when it is not a theme asset).
    func applyOverlay(to content: inout LoadedContent, themeAssets: [StaticFile]) -> ([StaticFile], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if let overlay = options.overlayDirectory {
            let (overlaid, overlayDiagnostics) = OverlayLoader(directory: overlay, displayDirectory: overlay).apply(to: content)
            content = overlaid
            diagnostics += overlayDiagnostics
        }
        guard let brand = content.config.brand else { return ([], diagnostics) }
        let (resolved, logo, logoDiagnostics) = brand.resolvingLogo(contentDirectory: options.contentDirectory, themeAssets: themeAssets)
        content.config.brand = resolved
        return (logo.map { [$0] } ?? [], diagnostics + logoDiagnostics)
    }
}

/// The theme being read beside the Markdown, once `ContentLoader` has read site.yaml.
private final class ThemeLoading: @unchecked Sendable {  // set on the loading thread before it is read there
    var folders: [String] = []
    var work: BackgroundWork<(TemplateSet?, [Diagnostic])>?
}
