import Foundation
import HashiContent
import HashiSite
import HashiSupport

/// Stage 6: the rest of the site (sitemap, data, assets, the build cache), then the new site put in
/// place, unless an earlier stage found an error; and the zip, if asked for.
struct CommitStage {
    let site: Site
    let templates: TemplateSet
    let brandFiles: [StaticFile]
    /// Written with the site; nil when a long-lived session keeps it instead.
    let cache: BuildCache?
    let output: any SiteOutput
    let outputDirectory: String
    /// The host's headers file to write too (`--headers netlify`), if any.
    var headers: HostHeadersFormat? = nil
    /// `writeSiteData`, which `Build` started beside the render.
    let siteData: BackgroundWork<Void>

    func run(_ report: inout BuildReport) {
        // Waited for even on error, so that nothing is written after the output is let go.
        siteData.value
        guard !report.hasErrors else { return output.abort() }
        if headers == .netlify {
            let generated = site.generatedOutputs.pages(hasLayout: templates.hasLayout).map(\.outputPath)
            output.write(HostHeaders.path, contents: HostHeaders(site: site, generatedPages: generated).text)
        }
        if let channels = site.channels {
            output.write(ReportingChannelsJSON.outputPath, contents: ReportingChannelsJSON.encode(channels))
        }
        for file in site.staticFiles + brandFiles {
            output.copy(from: file.sourcePath, to: file.outputPath)
        }
        for file in templates.assets where !writeCompacted(file) {
            output.copy(from: file.sourcePath, to: file.outputPath)
        }
        if let stylesheet = site.config.brand?.stylesheet { output.write(Brand.stylesheetPath, contents: stylesheet) }
        cache?.encoded().withUnsafeBytes { output.write(BuildCache.path, bytes: $0) }
        do {
            try output.commit()
            if let cache { output.keepBeside(BuildCache.stampsName, bytes: cache.encodedStamps()) }
        } catch {
            report.add(error, at: outputDirectory)
        }
    }

    /// The sitemap (and robots.txt) and the translation-status data, unless the output's are still
    /// right. Both come from the model alone, so `Build` has them made on another core while the
    /// pages are rendered: at 10,000 pages a language they took a tenth of a second here.
    static func writeSiteData(site: Site, output: any SiteOutput) {
        let sitemap = Sitemap(site: site)
        let sitemapKey = sitemap.key
        if !output.reuse(Sitemap.path, key: sitemapKey) { output.write(Sitemap.path, contents: sitemap.xml, key: sitemapKey) }
        if let robots = sitemap.robots { output.write(Sitemap.robotsPath, contents: robots) }
        let statusKey = PageKeys.translationStatusData(site)
        if !output.reuse(TranslationStatusJSON.outputPath, key: statusKey) {
            output.write(TranslationStatusJSON.outputPath, contents: TranslationStatusJSON.encode(site.translationStatus, languages: site.languages),
                         key: statusKey)
        }
    }

    /// A stylesheet or script compacted (or kept, when its source has not changed); false for an
    /// asset copied as it is. Only these are read as text; images and fonts are copied.
    private func writeCompacted(_ file: StaticFile) -> Bool {
        guard AssetCompactor.compacts(file.outputPath), case .success(let bytes) = FileReader.read(atPath: file.sourcePath) else { return false }
        let key = AssetCompactor.key(bytes)
        if output.reuse(file.outputPath, key: key) { return true }
        guard let text = String(bytes: bytes, encoding: .utf8), let compacted = AssetCompactor.compact(text, path: file.outputPath) else { return false }
        output.write(file.outputPath, contents: compacted, key: key)
        return true
    }
}
