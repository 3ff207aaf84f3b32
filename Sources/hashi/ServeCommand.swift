import ArgumentParser
import Foundation
import HashiKit

/// `hashi serve`: build, serve the output on 127.0.0.1, rebuild when the content or theme changes.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on 127.0.0.1 and rebuild when Content/ or Templates/ change.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    func run() throws {
        let options = try site.buildOptions(dryRun: false)
        let server = DevServer(root: options.outputDirectory)
        rebuild(options, server: server)
        let actual: UInt16
        do {
            actual = try server.start(port: port)
        } catch {
            writeError("hashi: \(error)\n")
            throw ExitCode(2)
        }
        say("hashi: serving \(options.outputDirectory) at http://127.0.0.1:\(actual)/ (Ctrl-C stops)")
        let watcher = ChangeWatcher(folders: [options.contentDirectory] + options.templateDirectories + [options.overlayDirectory].compactMap { $0 })
        var last = watcher.fingerprint()
        while true {
            Thread.sleep(forTimeInterval: 0.4)
            let now = watcher.fingerprint()
            guard now != last else { continue }
            last = now
            rebuild(options, server: server)
        }
    }

    /// One build; its errors go to the terminal and to the open pages, which keep the last good site.
    private func rebuild(_ options: BuildOptions, server: DevServer) {
        let result = Build(options: options).run()
        printDiagnostics(result.diagnostics)
        let errors = result.diagnostics.errors.map(\.description)
        server.update(errors: errors)
        if errors.isEmpty {
            say("hashi: built \(result.pageCount) pages")
        } else {
            writeError("hashi: \(errors.count) error(s); still serving the last good site\n")
        }
    }
}

/// A line on standard output at once, not when a buffer fills: serve runs for long, often into a log.
private func say(_ line: String) {
    writeOutput((line + "\n"))
}
