import HashiSupport

/// What editors need to act on across languages: pages missing in a language, and translations
/// made from an older version of their source (`translatedFrom` no longer matches).
struct TranslationReport {
    let pages: [Page]
    let languages: [Language]
    let policy: SiteConfig.MissingTranslation
    /// The Markdown of each page, whose hash `translatedFrom` records.
    let documents: DocumentStore

    func diagnostics() -> [Diagnostic] {
        // Pages by index: a page is a large value to copy into a table.
        var groups: [String: [String: Int]] = [:]
        for index in pages.indices {
            groups[pages[index].translationKey, default: [:]][pages[index].language.code] = index
        }
        var diagnostics: [Diagnostic] = []
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            guard let sourceIndex = languages.lazy.compactMap({ group[$0.code] }).first else { continue }
            let source = pages[sourceIndex]
            let missing = languages.filter { group[$0.code] == nil && (policy == .fail || !$0.partial) }.map(\.code)
            if !missing.isEmpty {
                let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(ModelProblem.missingTranslation(languages: list, fails: policy == .fail),
                                              at: SourceLocation(file: source.source.displayPath)))
            }
            for (_, index) in group.sorted(by: { $0.key < $1.key }) where pages[index].url != source.url {
                let translation = pages[index]
                guard let recorded = translation.source.frontMatter.translatedFrom else { continue }
                let current = SourceHash.of(documents.markdown(of: source.sourceIndex))
                if recorded != current {
                    let problem = ModelProblem.outdatedTranslation(source: source.source.displayPath, recorded: recorded,
                                                                   current: current, translation: translation.source.displayPath)
                    diagnostics.append(Diagnostic(problem, at: SourceLocation(file: translation.source.displayPath)))
                }
            }
        }
        return diagnostics
    }
}
