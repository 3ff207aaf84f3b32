import HashiContent
import HashiSite
import HashiSupport

/// Stage 2: each page's Markdown to HTML with libcmark, with its headings, links and plain text;
/// a source an earlier build parsed the same is taken from the build cache as a summary.
struct ParseStage {
    let content: LoadedContent
    let cache: BuildCache

    func run(_ report: inout BuildReport) -> DocumentStore {
        let parser = MarkdownRenderer(allowRawHTML: content.config.allowRawHTML)
        let options = "raw HTML \(content.config.allowRawHTML)"
        let entries = Array(content.sources.indices).concurrentMap { index -> DocumentStore.Entry in
            let source = content.sources[index]
            // A file whose stamp the cache knew (unread), or that a session knows unchanged: its summary, unless the options changed.
            if let known = cache.knownDocument(of: source, options: options) { return .summary(known) }
            let markdown = content.body(of: index)
            return cache.document(of: source, markdown: markdown, options: options) {
                var document = parser.render(source, markdown: markdown)
                if parser.allowRawHTML {
                    document.diagnostics = ExternalRequestLint.page(html: document.html, markdown: markdown,
                                                                    file: source.displayPath, firstLine: source.bodyStartLine)
                }
                return document
            }
        }
        let store = DocumentStore(content: content, entries: entries, parser: parser)
        report.add(store.summaries.flatMap(\.diagnostics))
        report.parsedFiles = cache.misses
        return store
    }
}
