import ArgumentParser
import Foundation

/// `hashi init my-site` and `hashi init --overlay my-ngo`: a starting point that builds at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new bilingual site (ja, en), or with --overlay an organisation's overlay folder.",
        discussion: "The folder must be new or empty: init never writes over a file.")

    @Argument(help: "The folder to make (it must not exist yet, or be empty).")
    var folder: String

    @Flag(help: "Make an overlay folder (brand and channels) for `hashi build --overlay` instead of a site.")
    var overlay = false

    func run() throws {
        let files = overlay ? OverlayScaffold.files : SiteScaffold.files
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: folder), !entries.isEmpty {
            writeError("hashi: \(folder) is not empty: init writes only into a new or empty folder, and changed nothing\n")
            throw ExitCode(1)
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            writeError("hashi: \(folder) is a file: init writes only into a new or empty folder\n")
            throw ExitCode(1)
        }
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let url = URL(fileURLWithPath: folder + "/" + path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        } catch {
            writeError("hashi: cannot write \(folder): \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
        print(overlay ? OverlayScaffold.nextSteps(folder) : SiteScaffold.nextSteps(folder))
    }
}
