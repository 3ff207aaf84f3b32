import HashiContent
import HashiSite
import HashiSupport

/// Stage 5: the search index of each language, changed in place of remade where it can be.
struct IndexStage {
    let site: Site
    let documents: DocumentStore
    let output: any SiteOutput

    func run(_ report: inout BuildReport) {
        for page in site.pages where !page.isFallback && page.document.textLength > SearchDocument.bodyLimit {
            report.add([Diagnostic(IndexProblem.textTruncated(megabytes: SearchDocument.bodyLimit >> 20),
                                  at: SourceLocation(file: page.source.displayPath))])
        }
        let index = SearchIndexBuilder()
        let texts = PageSearchText(site: site, documents: documents)
        let output = output
        let emit: @Sendable (OutputFile) -> Void = { file in file.bytes.withUnsafeBytes { output.write(file.path, bytes: $0) } }
        for language in site.languages {
            let statePath = SearchState.path(language)
            let previous = output.readCurrent(statePath).flatMap(SearchState.init(bytes:)).map { state in
                PreviousIndex(state: state, read: { output.readCurrent($0) })
            }
            var result = index.build(pages: site.pages, language: language, previous: previous, texts: texts, emit: emit)
            // A file that cannot be carried over (missing, or no hard links here): make the index anew.
            if !result.kept.allSatisfy(output.keep) {
                result = index.build(pages: site.pages, language: language, previous: nil, texts: texts, emit: emit)
            }
            report.indexedPages += result.tokenizedPages
            for file in result.files { emit(file) }
            result.state.encoded().withUnsafeBytes { output.write(statePath, bytes: $0) }
            documents.releaseText(of: site.pages.lazy.filter { $0.language == language && !$0.isFallback }.map(\.sourceIndex))
        }
    }
}
