import HashiContent
import HashiSupport

extension PageContext {
    /// The translators' page: each page's state in each language, in the default language's words.
    static func status(_ status: TranslationStatus, strings: [String: String], base: PageContext.Base) -> StatusFields {
        let labels: [TranslationStatus.State: String] = [
            .source: strings["statusSource"] ?? "original", .upToDate: strings["statusUpToDate"] ?? "up to date",
            .stale: strings["statusStale"] ?? "out of date", .missing: strings["statusMissing"] ?? "missing",
        ]
        var fields = StatusFields()
        fields.statusLanguages = base.site.languages.map { StatusLanguage(statusCode: $0.code) }
        fields.statusRows = status.rows.map { row in
            StatusRow(statusFile: row.sourceFile, statusHref: base.href(to: row.sourceURL), statusCells: row.cells.map { cell in
                StatusCell(cellState: cell.state.rawValue, cellLabel: labels[cell.state] ?? cell.state.rawValue,
                           cellHref: cell.url.map { base.href(to: $0) })
            })
        }
        return fields
    }
}
