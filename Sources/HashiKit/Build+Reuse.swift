import Foundation

/// What lets an organisation reuse the site without editing it: an overlay folder and a brand.
extension Build {
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
