/// What lets an organisation reuse the site without editing it: an overlay folder and a brand.
extension Build {
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
