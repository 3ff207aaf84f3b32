import HashiSupport

/// Every page in every language, for translators and for readers: whether each translation is up to
/// date with its source, stale (its `translatedFrom` no longer matches), or missing.
public struct TranslationStatus: Sendable {
    public enum State: String, Sendable {
        /// The language the page was written in (the first language of `site.yaml` that has it).
        case source
        /// A translation whose `translatedFrom` matches its source, or that records none.
        case upToDate = "up-to-date"
        case stale
        case missing
    }

    /// One page in one language.
    public struct Cell: Sendable {
        public var language: Language
        public var state: State
        /// The page's URL in this language, when it has one of its own.
        public var url: String?
        /// Whether the translation records the source it was made from (`translatedFrom`).
        public var stamped: Bool
    }

    /// One page, across the languages in `site.yaml` order.
    public struct Row: Sendable {
        public var translationKey: String
        /// The source page (`ja/report.md`) and its URL.
        public var sourceFile: String
        public var sourceURL: String
        public var cells: [Cell]
    }

    public let rows: [Row]
    /// The source page of each stale translation, by the translation's URL.
    public let staleSources: [String: Page]

    /// The status of `pages` (without stand-ins), from the Markdown whose hash `translatedFrom` records.
    init(pages: [Page], languages: [Language], documents: DocumentStore) {
        // Pages by index: a page is a large value to copy into a table.
        var groups: [String: [String: Int]] = [:]
        for index in pages.indices where !pages[index].isFallback {
            groups[pages[index].translationKey, default: [:]][pages[index].language.code] = index
        }
        var rows: [Row] = []
        var stale: [String: Page] = [:]
        for (key, group) in groups.sorted(by: { $0.key < $1.key }) {
            guard let sourceIndex = languages.lazy.compactMap({ group[$0.code] }).first else { continue }
            let source = pages[sourceIndex]
            // Only a translation that records its source's hash needs it: hashing every source was a tenth of a rebuild.
            let hash = group.values.contains { pages[$0].source.frontMatter.translatedFrom != nil }
                ? SourceHash.of(documents.markdown(of: source.sourceIndex)) : ""
            let cells = languages.map { language -> Cell in
                guard let index = group[language.code] else { return Cell(language: language, state: .missing, url: nil, stamped: false) }
                let url = pages[index].url
                guard url != source.url else { return Cell(language: language, state: .source, url: url, stamped: false) }
                let recorded = pages[index].source.frontMatter.translatedFrom
                if let recorded, recorded != hash {
                    stale[url] = source
                    return Cell(language: language, state: .stale, url: url, stamped: true)
                }
                return Cell(language: language, state: .upToDate, url: url, stamped: recorded != nil)
            }
            rows.append(Row(translationKey: key, sourceFile: source.language.code + "/" + source.source.relativePath,
                            sourceURL: source.url, cells: cells))
        }
        self.rows = rows
        staleSources = stale
    }

    public init() {
        rows = []
        staleSources = [:]
    }

    /// Adds every row to a key: what the translation-status page and data show.
    package func combine(into hasher: inout StableHasher) {
        hasher.combine(rows.count)
        for row in rows {
            hasher.combine(row.translationKey)
            hasher.combine(row.sourceFile)
            hasher.combine(row.sourceURL)
            for cell in row.cells {
                hasher.combine(cell.language.code)
                hasher.combine(cell.state.rawValue)
                hasher.combine(cell.url ?? "\u{0}")
                hasher.combine(cell.stamped)
            }
        }
    }
}
