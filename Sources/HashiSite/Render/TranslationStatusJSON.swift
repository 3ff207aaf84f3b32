import Foundation
import HashiContent
import HashiSupport

/// The translation status as JSON for translators' tools: sorted keys, so every build writes the same bytes.
package enum TranslationStatusJSON {
    package static let outputPath = GeneratedOutputs.translationStatusDataPath

    package static func encode(_ status: TranslationStatus, languages: [Language]) -> String {
        let pages = status.rows.map { row -> [String: Any] in
            var states: [String: Any] = [:]
            for cell in row.cells {
                var entry: [String: Any] = ["state": cell.state.rawValue]
                entry["url"] = cell.url
                if cell.state == .upToDate || cell.state == .stale { entry["stamped"] = cell.stamped }
                states[cell.language.code] = entry
            }
            return ["key": row.translationKey, "source": row.sourceFile, "url": row.sourceURL, "languages": states]
        }
        let root: [String: Any] = ["languages": languages.map(\.code), "pages": pages]
        let json = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: json, as: UTF8.self) + "\n"
    }
}
