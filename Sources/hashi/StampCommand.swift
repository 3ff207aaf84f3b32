import ArgumentParser
import Foundation
import HashiKit

/// `hashi stamp Content/en/labor.md`: records which version of the source a translation follows.
struct StampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract: "Record in translations the version of the source page they were made from (translatedFrom:).")

    @Option(help: "The content folder.")
    var content = "Content"

    @Argument(help: "Translated pages, as paths under the content folder (Content/en/labor.md).")
    var files: [String]

    func run() throws {
        let (loaded, diagnostics) = ContentLoader(contentDirectory: content, displayDirectory: content).load()
        guard let loaded, !diagnostics.hasErrors else {
            printDiagnostics(diagnostics)
            throw ExitCode(1)
        }
        let stamper = TranslationStamper(content: loaded)
        var failed = false
        for file in files {
            do {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                try stamper.stamped(displayPath: file, text: text).write(toFile: file, atomically: true, encoding: .utf8)
                print("hashi: stamped \(file)")
            } catch {
                writeError("\(file):1:1: error: \(error)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
