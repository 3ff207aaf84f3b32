import ArgumentParser
import Dispatch
import Foundation
import HashiKit

/// `hashi serve`: build into memory, serve it on 127.0.0.1, rebuild when the content or theme
/// changes; `Output/` is written only with `--write`, and when serve ends.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory, serve it on 127.0.0.1 and rebuild when Content/ or Templates/ change.",
        discussion: "The output folder is written only with --write (after each good build) and when serve stops (Ctrl-C).")

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on; anything but 127.0.0.1 may let others read your drafts.")
    var bind = "127.0.0.1"

    @Flag(help: "Also write the output folder after each good build, not only when serve stops.")
    var write = false

    @Flag(help: "Watch by polling instead of the system's file notices.")
    var poll = false

    func run() throws {
        let options = try site.buildOptions(dryRun: false)
        let session = ServeSession(options: options, writeEachBuild: write)
        session.rebuild()
        if bind != "127.0.0.1" {
            writeError("hashi: warning: serving on \(bind) instead of 127.0.0.1: whoever reaches that address can read the site and its build errors\n")
        }
        let actual: UInt16
        do {
            actual = try session.server.start(bind: bind, port: port)
        } catch {
            writeError("hashi: \(error)\n")
            throw ExitCode(2)
        }
        session.writeOnExit()
        let host = bind.contains(":") ? "[\(bind)]" : bind
        say("hashi: serving from memory at http://\(host):\(actual)/ (Ctrl-C stops and writes \(options.outputDirectory))")
        let watcher = FileWatcher(folders: session.watchedFolders, forcePolling: poll)
        say("hashi: watching with \(watcher.method)\(watcher.method == "inotify" ? "" : " (the system's file notices are not available here)")")
        while true {
            let changed = watcher.waitForChange()
            // Polling names no file: then everything is looked at.
            session.rebuild(changed: changed.isEmpty ? nil : changed)
        }
    }
}

/// The state of one `hashi serve`: the site in memory, the server, and the writes to disk.
final class ServeSession: @unchecked Sendable {  // `rebuild` runs on the main thread; the disk write is serialised by `diskLock`
    let options: BuildOptions
    let writeEachBuild: Bool
    let session: BuildSession
    var memory: MemoryOutput { session.memory }
    let server = DevServer()
    private let diskLock = NSLock()
    private var signals: [any DispatchSourceSignal] = []

    init(options: BuildOptions, writeEachBuild: Bool) {
        self.options = options
        self.writeEachBuild = writeEachBuild
        session = BuildSession(options: options)
    }

    var watchedFolders: [String] {
        [options.contentDirectory] + options.templateDirectories + [options.overlayDirectory].compactMap { $0 }
    }

    /// One build into memory; its errors go to the terminal and to the open pages, which keep the last good site.
    /// `changed`: the files the watcher saw change, if it could name them.
    func rebuild(changed: Set<String>? = nil) {
        let started = DispatchTime.now()
        let result = session.rebuild(changed: changed)
        printDiagnostics(result.diagnostics)
        let errors = result.diagnostics.errors.map(\.description)
        // A build that made the same site (a temporary file come and gone) reloads no page.
        server.update(site: errors.isEmpty && memory.lastCommitChanged ? memory.served : nil, errors: errors)
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        if errors.isEmpty {
            let stages = result.timings.map { "\($0.stage) \(Int($0.seconds * 1000))" }.joined(separator: ", ")
            say("hashi: built \(result.pageCount) pages in \(milliseconds) ms (\(stages) ms; \(result.parsedFiles) parsed, \(result.renderedPages) rendered)")
            if writeEachBuild { writeToDisk() }
        } else {
            writeError("hashi: \(errors.count) error(s); still serving the last good site\n")
        }
    }

    /// The site in memory to the output folder; a build lock held by another hashi is waited for, a while.
    /// Before a first good build there is nothing to write, and the folder is left as it was.
    func writeToDisk() {
        guard memory.hasSite else { return }
        diskLock.withLock {
            for attempt in 1...20 {
                do {
                    try session.write()
                    return
                } catch OutputFailure.busy(_) where attempt < 20 {
                    Thread.sleep(forTimeInterval: 0.25)
                } catch {
                    writeError("hashi: \(error)\n")
                    return
                }
            }
        }
    }

    /// Ctrl-C or a TERM signal writes the site to disk, then ends serve.
    func writeOnExit() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if memory.hasSite {
                    writeToDisk()
                    say("hashi: wrote \(options.outputDirectory)")
                } else {
                    say("hashi: no build succeeded; \(options.outputDirectory) is left as it was")
                }
                exit(0)
            }
            source.resume()
            signals.append(source)
        }
    }
}

/// A line on standard output at once, not when a buffer fills: serve runs for long, often into a log.
private func say(_ line: String) {
    writeOutput((line + "\n"))
}
