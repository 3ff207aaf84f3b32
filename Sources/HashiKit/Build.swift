import HashiContent
import HashiSite
import HashiSupport

/// What a build reads and where it writes.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    /// Theme folders, overrides first: for each file the first folder that has it wins.
    public var templateDirectories: [String]
    public var outputDirectory: String
    public var baseURL: String?
    /// Check everything, write nothing (`hashi check`).
    public var dryRun: Bool
    /// Treat warnings (missing or stale translations, removed links) as errors, for CI.
    public var strict: Bool = false
    /// An organisation's overlay folder: `site.yaml` (brand, baseURL) and `data/reporting-channels.yaml` laid over the content.
    public var overlayDirectory: String?
    /// Also write the host's headers file (`_headers` for `.netlify`) beside the pages.
    public var headers: HostHeadersFormat?
    /// Also write the built site as a zip here (`--archive site.zip`), without `.hashi/`.
    public var archivePath: String?
    /// Told how many pages are rendered of how many, from any thread, for a progress line.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(contentDirectory: String = "Content", templateDirectories: [String] = ["Templates"],
                outputDirectory: String = "Output", baseURL: String? = nil, dryRun: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templateDirectories = templateDirectories
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.dryRun = dryRun
    }
}

/// The outcome of a build: every diagnostic, and what was written.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// Pages built (or, for a check, that would be built).
    public var pageCount: Int
    /// Wall time of each stage that ran, in pipeline order.
    public var timings: [StageTime] = []
    /// Pages of each language, in the order of `site.yaml`.
    public var pagesByLanguage: [(language: String, pages: Int)] = []
    /// Pages rendered by this build; the others were the same as in the output and kept.
    public var renderedPages = 0
    /// Markdown files parsed by this build; the others were read from the cache of the output.
    public var parsedFiles = 0
    /// Pages whose text the search index read this build; the index kept the others' postings.
    public var indexedPages = 0
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline of DESIGN.md, one stage after another. Each stage adds its diagnostics to the
/// report; the site is put in place only when no stage found an error.
public struct Build: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// A build into `options.outputDirectory`, or with `dryRun` a check that writes nothing.
    public func run() -> BuildResult {
        run(writingTo: options.dryRun ? DiscardingOutput(comparingWith: options.outputDirectory)
                                      : OutputWriter(outputDirectory: options.outputDirectory))
    }

    /// A build into `output`. A long-lived session (`hashi serve`) passes its own `sessionCache`, which
    /// then stands in for the output folder's and is kept by the session rather than written to `output`.
    public func run(writingTo output: any SiteOutput, sessionCache: BuildCache? = nil) -> BuildResult {
        run(writingTo: output, sessionCache: sessionCache, loadMemory: nil)
    }

    /// `loadMemory`: in a session, the last load and the files changed since, so only those are read.
    func run(writingTo output: any SiteOutput, sessionCache: BuildCache?, loadMemory: LoadMemory?) -> BuildResult {
        var report = BuildReport(strict: options.strict)
        // What earlier builds into this output worked out, reused for every unchanged source.
        let cache = sessionCache ?? BuildCache(outputDirectory: options.outputDirectory, contentFolder: options.contentDirectory)
        // 1. Load: site.yaml, the Markdown of each language, the data, the theme, the overlay.
        guard let loaded = LoadStage(options: options, cache: cache, memory: loadMemory).run(&report) else { return report.result }
        report.lap("load")
        // 2. Parse: Markdown to HTML with libcmark; headings, links and plain text from the node tree.
        let documents = ParseStage(content: loaded.content, cache: cache).run(&report)
        report.lap("parse")
        // 3. Model: URLs, translations, menus; every internal link and anchor resolved.
        let site = ModelStage(content: loaded.content, documents: documents, templates: loaded.templates, cache: cache).run(&report)
        // Nothing adds to the cache from here on: its bytes are made on the other core while the site is rendered.
        if sessionCache == nil && !report.hasErrors { cache.startEncoding() }
        report.lap("model")
        guard let templates = loaded.templates, !report.hasErrors else { return report.result }
        do {
            try output.prepare()
        } catch {
            report.add(error, at: options.outputDirectory)
            return report.result
        }
        // 4. Render, each page written as soon as it is made, and beside it 5. Index, the search
        // index of each language, and the sitemap and translation data of 6. Commit: all only
        // read the model and the parsed documents.
        let strict = options.strict
        let siteData = BackgroundWork { CommitStage.writeSiteData(site: site, output: output) }
        let indexing = BackgroundWork { () -> (diagnostics: [Diagnostic], indexedPages: Int) in
            var indexReport = BuildReport(strict: strict)
            IndexStage(site: site, documents: documents, output: output).run(&indexReport)
            return (indexReport.diagnostics, indexReport.indexedPages)
        }
        RenderStage(site: site, templates: templates, documents: documents, output: output, progress: options.progress).run(&report)
        report.lap("render+write")
        let indexed = indexing.value
        report.add(indexed.diagnostics)
        report.indexedPages += indexed.indexedPages
        report.lap("index")  // what the index took past the render
        // 6. Commit: the rest of the data, assets and the cache, then the new site swapped in.
        CommitStage(site: site, templates: templates, brandFiles: loaded.brandFiles, cache: sessionCache == nil ? cache : nil,
                    output: output, outputDirectory: options.outputDirectory, headers: options.headers, siteData: siteData).run(&report)
        report.lap("commit")
        if let archive = options.archivePath, !options.dryRun, !report.hasErrors {
            report.add(SiteArchive(siteDirectory: options.outputDirectory, archivePath: archive).write())
            report.lap("archive")
        }
        // Freeing the site, its documents and the cache takes a while: not on the caller's time.
        releaseInBackground([cache, loaded, documents, site])
        return report.result
    }
}
