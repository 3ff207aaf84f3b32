import ArgumentParser
import Foundation
import HashiKit

/// How a command tells what happened: compiler-style lines for people, JSON for machines.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Prints the diagnostics and a summary line (or one JSON object), and exits 1 when any is an error.
func report(_ result: BuildResult, verb: String, format: OutputFormat = .text, quiet: Bool = false) throws {
    let errors = result.diagnostics.errors.count
    let warnings = result.diagnostics.warnings.count
    switch format {
    case .json:
        let object: [String: Any] = [
            "ok": errors == 0,
            "errors": errors,
            "warnings": warnings,
            "pages": Dictionary(uniqueKeysWithValues: result.pagesByLanguage.map { ($0.language, $0.pages) }),
            "rendered": result.renderedPages,
            "diagnostics": result.diagnostics.map { diagnostic in
                ["file": diagnostic.file, "line": diagnostic.line, "column": diagnostic.column, "severity": diagnostic.severity.rawValue,
                 "code": diagnostic.code, "message": diagnostic.message] as [String: Any]
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    case .text:
        printDiagnostics(result.diagnostics)
        if errors > 0 {
            let written = verb == "checked" ? "" : "; nothing written"
            writeError("hashi: \(errors) error(s), \(warnings) warning(s)\(written)\n")
        } else if !quiet {
            let languages = result.pagesByLanguage.map { "\($0.language) \($0.pages)" }.joined(separator: ", ")
            let seconds = result.timings.reduce(0) { $0 + $1.seconds }
            // After an edit, how many pages changed: the rest were kept from the previous build.
            let rendered = verb == "built" && result.renderedPages < result.pageCount ? ", \(result.renderedPages) rendered anew" : ""
            print("hashi: \(verb) \(result.pageCount) pages (\(languages))\(rendered), \(warnings) warning(s) in \(String(format: "%.2f", seconds)) s")
        }
    }
    if errors > 0 { throw ExitCode(1) }
}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        writeError((diagnostic.description + "\n"))
    }
}

/// A progress line on a terminal, rewritten in place; nothing when output goes to a file or CI.
func progressLine(quiet: Bool) -> (@Sendable (Int, Int) -> Void)? {
    guard !quiet, isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
    return { done, total in
        let end = done == total ? "\r\u{1B}[K" : ""
        writeError("\rhashi: rendering \(done)/\(total) pages\(end)")
    }
}

/// Text to standard error. A reader that has gone away (`hashi build | head -1`) costs nothing:
/// SIGPIPE is ignored (see `Hashi.main`) and the write just fails.
func writeError(_ text: String) {
    StandardStreams.write(text, to: .error)
}

/// Text to standard output at once, not when a buffer fills: serve runs for long, often into a log.
func writeOutput(_ text: String) {
    StandardStreams.write(text, to: .output)
}
