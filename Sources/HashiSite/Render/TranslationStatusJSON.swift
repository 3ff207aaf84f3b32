import HashiContent
import HashiSupport

/// The translation status as JSON for translators' tools: sorted keys and a page a line, so every
/// build writes the same bytes and a change shows as a changed line.
package enum TranslationStatusJSON {
    package static let outputPath = GeneratedOutputs.translationStatusDataPath

    package static func encode(_ status: TranslationStatus, languages: [Language]) -> String {
        var out = Array("{\"languages\":".utf8)
        ScriptJSON.array(languages.map { .string($0.code) }).write(to: &out)
        out += ",\"pages\":[".utf8
        for (number, row) in status.rows.enumerated() {
            out += (number == 0 ? "\n" : ",\n").utf8
            var states: [String: ScriptJSON] = [:]
            for cell in row.cells {
                var entry: [String: ScriptJSON] = ["state": .string(cell.state.rawValue)]
                if let url = cell.url { entry["url"] = .string(url) }
                if cell.state == .upToDate || cell.state == .stale { entry["stamped"] = .bool(cell.stamped) }
                states[cell.language.code] = .object(entry)
            }
            ScriptJSON.object([
                "key": .string(row.translationKey), "source": .string(row.sourceFile), "url": .string(row.sourceURL),
                "languages": .object(states),
            ]).write(to: &out)
        }
        out += "\n]}\n".utf8
        return String(decoding: out, as: UTF8.self)
    }
}
