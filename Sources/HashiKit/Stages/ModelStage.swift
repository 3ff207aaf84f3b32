import HashiContent
import HashiSite
import HashiSupport

/// Stage 3: the site as values: URLs, translations, menus, every internal link and anchor resolved,
/// and every layout the pages need found in the theme.
struct ModelStage {
    let content: LoadedContent
    let documents: DocumentStore
    let templates: TemplateSet?
    /// Links resolved by earlier builds, taken where they still hold.
    var cache: BuildCache? = nil

    func run(_ report: inout BuildReport) -> Site {
        let (site, diagnostics) = SiteBuilder(content: content).build(documents: documents, cache: cache)
        report.add(diagnostics)
        report.pageCount = site.pages.count
        report.pagesByLanguage = site.languages.map { language in
            (language.code, site.pages.count { $0.language == language })
        }
        if let templates {
            report.add(PageRenderer(site: site, templates: templates).missingLayouts())
        }
        // From here on, a document parsed whole needs its Markdown no more.
        documents.releaseParsedMarkdown()
        return site
    }
}
