import HashiContent
import HashiSite
import HashiSupport

/// Stage 4: each page's template filled, pages in parallel, each written as soon as it is made;
/// then the pages hashi makes itself (language chooser, search, 404, channels embed).
struct RenderStage {
    let site: Site
    let templates: TemplateSet
    let documents: DocumentStore
    let output: any SiteOutput
    let progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    func run(_ report: inout BuildReport) {
        let renderer = PageRenderer(site: site, templates: templates)
        // Every page keeps the credit and license of the source (site.yaml's footer), whatever the theme.
        let credit = CreditCheck(templateFile: templates.templateFiles["footer"] ?? templates.displayFolder)
        let counter = ProgressCounter(total: site.pages.count, report: progress)
        let rendered = SharedCount()
        let keys = PageKeys(renderer: renderer)
        // Each body's HTML is let go once every page that shows it is made.
        let uses = site.pages.indices.reduce(into: [Int: Int]()) { $0[site.pages[$1].sourceIndex, default: 0] += 1 }  // pages read in place
        // A page whose inputs are those of a page already in the output is not rendered again.
        site.pages.concurrentForEach { page in
            let key = keys.key(for: page)
            if !output.reuse(page.outputPath, key: key) {
                let html = renderer.render(page, context: renderer.context(for: page), html: documents.html(of: page.sourceIndex, forOneOf: uses[page.sourceIndex]!))
                credit.verify(html, page: page)
                html.withUnsafeBytes { output.write(page.outputPath, bytes: $0, key: key) }
                rendered.increment()
            }
            counter.advance()
        }
        report.add(credit.diagnostics)
        report.renderedPages = rendered.value
        guard !report.hasErrors else { return }
        for generated in site.generatedOutputs.pages(hasLayout: templates.hasLayout) {
            let key = keys.key(generated: generated)
            guard !output.reuse(generated.outputPath, key: key) else { continue }
            output.write(generated.outputPath, contents: renderer.renderGenerated(
                layout: generated.layout, title: generated.title, outputPath: generated.outputPath, language: generated.language), key: key)
        }
        // Every page is written: its HTML is let go before the index needs memory for its own.
        documents.releaseHTML()
    }
}
