import ArgumentParser
import Foundation
import HashiEmbedded
import HashiKit

/// The command line: arguments in, one library call, diagnostics out, an exit code.
@main
struct Hashi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hashi",
        abstract: "Build a static multilingual site from Markdown.",
        version: HashiVersion.description,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, StampCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Usage errors exit 2 (argument-parser's default is 64); help exits 0.
    static func main() {
        // A closed pipe (`hashi build | head -1`) is no error: the write fails and the build goes on.
        signal(SIGPIPE, SIG_IGN)
        Platform.limitAllocatorHeaps()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
            } else {
                writeError((fullMessage(for: error) + "\n"))
            }
            Foundation.exit(code == .success ? 0 : (code.rawValue == 1 ? 1 : 2))
        }
    }
}

struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder (site.yaml and one folder a language).")
    var content = "Content"

    @Option(help: "A templates folder; repeat it to layer an override folder before the base theme.")
    var templates: [String] = []

    @Option(help: "Where to write the site.")
    var output = "Output"

    @Option(name: .customLong("base-url"), help: "Absolute URL of the deployed site, for sitemaps and canonical links.")
    var baseURL: String?

    @Flag(help: "Treat warnings (missing or stale translations, removed links) as errors.")
    var strict = false

    @Option(help: "How to report: text (compiler-style lines) or json (one object on standard output).")
    var format: OutputFormat = .text

    @Flag(help: "No progress and no summary line; diagnostics are still printed.")
    var quiet = false

    @Option(help: "An organisation's overlay folder: its site.yaml (brand, baseURL) and data/reporting-channels.yaml over the content's.")
    var overlay: String?

    @Option(help: "Also write the host's headers file: netlify (_headers, read by Netlify and Cloudflare Pages).")
    var headers: HostHeadersFormat?

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://")
        }
    }

    func buildOptions(dryRun: Bool) throws -> BuildOptions {
        var options = BuildOptions(contentDirectory: content, templateDirectories: templates.isEmpty ? try defaultTemplateFolders() : templates,
                                   outputDirectory: output, baseURL: baseURL, dryRun: dryRun)
        options.strict = strict
        options.overlayDirectory = overlay
        options.headers = headers
        options.progress = format == .text ? progressLine(quiet: quiet) : nil
        return options
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Print how long each stage took.")
    var timings = false

    @Option(help: "Also write the built site as a zip file here, to share offline.")
    var archive: String?

    func run() throws {
        var options = try site.buildOptions(dryRun: false)
        options.archivePath = archive
        let result = Build(options: options).run()
        if timings {
            for time in result.timings {
                let peak = time.peakMemory.map { ", peak \($0 >> 20) MiB so far" } ?? ""
                print("hashi: \(time.stage) \(String(format: "%.3f", time.seconds)) s, cpu \(String(format: "%.3f", time.cpuSeconds)) s\(peak)")
            }
        }
        try report(result, verb: "built", format: site.format, quiet: site.quiet)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Run every check of a build without writing anything.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        try report(Build(options: try site.buildOptions(dryRun: true)).run(), verb: "checked", format: site.format, quiet: site.quiet)
    }
}
