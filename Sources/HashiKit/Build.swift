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

/// The pipeline of DESIGN.md, one stage after another; each stage collects its errors and
/// the build stops before writing if any stage found one.
public struct Build: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func run() -> BuildResult {
        var diagnostics: [Diagnostic] = []
        var clock = StageClock()
        var pagesByLanguage: [(language: String, pages: Int)] = []
        let rendered = SharedCount()
        var cache: BuildCache?
        var indexed = 0
        func finish(_ written: Int = 0) -> BuildResult {
            BuildResult(diagnostics: diagnostics.sorted(), pageCount: written, timings: clock.stages, pagesByLanguage: pagesByLanguage,
                        renderedPages: rendered.value, parsedFiles: cache?.misses ?? 0, indexedPages: indexed)
        }

        // 1. Load: site.yaml, the Markdown of each language, front matter split from the body.
        // What earlier builds into this output worked out, reused for every unchanged source.
        let buildCache = BuildCache(outputDirectory: options.outputDirectory, contentFolder: options.contentDirectory)
        cache = buildCache
        let (loaded, loadDiagnostics) = ContentLoader(contentDirectory: options.contentDirectory,
                                                      displayDirectory: options.contentDirectory, cache: buildCache).load()
        diagnostics += loadDiagnostics
        let themeFolders = templateFolders(named: loaded?.config.templateFolders ?? [])
        let (templates, templateDiagnostics) = TemplateSet.load(folders: themeFolders, displayFolders: themeFolders,
                                                                languages: loaded?.config.languages ?? [])
        diagnostics += templateDiagnostics
        guard var content = loaded else { return finish() }
        let (brandFiles, overlayDiagnostics) = applyOverlay(to: &content, themeAssets: templates?.assets ?? [])
        diagnostics += overlayDiagnostics
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }
        clock.lap("load")

        // 2. Parse: Markdown to HTML with libcmark; headings, links and plain text from the node tree.
        let markdown = MarkdownRenderer(allowRawHTML: content.config.allowRawHTML)
        let parseOptions = "raw HTML \(content.config.allowRawHTML)"
        let documents = content.sources.concurrentMap { source in
            buildCache.document(of: source, options: parseOptions) {
                var document = markdown.render(source)
                if markdown.allowRawHTML {
                    document.diagnostics = ExternalRequestLint.page(html: document.html, markdown: source.body,
                                                                    file: source.displayPath, firstLine: source.bodyStartLine)
                }
                return document
            }
        }
        diagnostics += documents.flatMap(\.diagnostics)
        /// The whole document of a page that holds only the cache's summary of it.
        @Sendable func complete(_ page: Page) -> ParsedDocument {
            guard !page.document.isComplete else { return page.document }
            var document = markdown.render(page.source)
            document.key = page.document.key
            return document
        }
        clock.lap("parse")

        // 3. Model: URLs, translations, menus; every internal link and anchor resolved.
        let (site, modelDiagnostics) = SiteBuilder(content: content).build(documents: documents)
        diagnostics += modelDiagnostics
        pagesByLanguage = site.languages.map { language in (language.code, site.pages.filter { $0.language == language }.count) }
        guard let templates else { return finish() }
        let renderer = PageRenderer(site: site, templates: templates)
        diagnostics += renderer.missingLayouts()
        // From here on, a page whose document was parsed whole needs its Markdown no more.
        for page in site.pages where page.document.isComplete { page.source.releaseBody() }
        clock.lap("model")
        if options.strict {
            diagnostics = diagnostics.map { var strict = $0; strict.severity = .error; return strict }
        }
        guard !diagnostics.hasErrors, !options.dryRun else { return finish(site.pages.count) }

        // 6. Write (with 4. Render and 5. Index streamed into it): staging folder, swapped in at the end.
        let writer = OutputWriter(outputDirectory: options.outputDirectory)
        do {
            try writer.prepare()
        } catch {
            diagnostics.append(.error(error.description, at: SourceLocation(file: options.outputDirectory)))
            return finish()
        }
        // 4. Render: each page's template filled, pages in parallel, each written as soon as it is done.
        // Every page keeps the credit and license of the source (site.yaml's footer), whatever the theme.
        let credit = CreditCheck(templateFile: templates.templateFiles["footer"] ?? templates.displayFolder)
        let counter = ProgressCounter(total: site.pages.count, report: options.progress)
        // A page whose inputs are those of a page already in the output is not rendered again.
        site.pages.concurrentForEach { page in
            let context = renderer.context(for: page)
            let key = renderer.key(for: page, context: context)
            if !writer.reuse(page.outputPath, key: key) {
                let html = renderer.render(page, context: context, document: complete(page))
                credit.verify(html, page: page)
                html.withUnsafeBytes { writer.write(page.outputPath, bytes: $0, key: key) }
                rendered.increment()
            }
            counter.advance()
        }
        diagnostics += credit.diagnostics
        guard !diagnostics.hasErrors else {
            writer.abort()
            return finish()
        }
        for generated in GeneratedPages(site: site).entries(hasLayout: templates.hasLayout) {
            writer.write(generated.outputPath, contents: renderer.renderGenerated(
                layout: generated.layout, title: generated.title, outputPath: generated.outputPath, language: generated.language))
        }
        // Every page is written: its HTML is let go before the index needs memory for its own.
        for page in site.pages where page.document.isComplete { page.document.releaseHTML() }
        clock.lap("render+write")
        // 5. Index: the search index of each language, changed in place of remade where it can be.
        let index = SearchIndexBuilder()
        for page in site.pages where !page.isFallback && page.document.textLength > SearchDocument.bodyLimit {
            diagnostics.append(.warning("only the first \(SearchDocument.bodyLimit >> 20) MB of this page's text can be found by search",
                                        at: SourceLocation(file: page.source.displayPath)))
        }
        for language in site.languages {
            let statePath = SearchState.path(language)
            let previous = writer.readCurrent(statePath).flatMap(SearchState.init(bytes:)).map { state in
                PreviousIndex(state: state, read: { writer.readCurrent($0) })
            }
            let emit: @Sendable (OutputFile) -> Void = { file in file.bytes.withUnsafeBytes { writer.write(file.path, bytes: $0) } }
            var result = index.build(pages: site.pages, language: language, previous: previous, complete: complete, emit: emit)
            // A file that cannot be carried over (missing, or no hard links here): make the index anew.
            if !result.kept.allSatisfy(writer.keep) {
                result = index.build(pages: site.pages, language: language, previous: nil, complete: complete, emit: emit)
            }
            indexed += result.tokenizedPages
            for file in result.files { emit(file) }
            result.state.encoded().withUnsafeBytes { writer.write(statePath, bytes: $0) }
            for page in site.pages where page.language == language && !page.isFallback && page.document.isComplete {
                page.document.releaseText()
            }
        }
        clock.lap("index")
        let sitemap = Sitemap(site: site)
        writer.write(Sitemap.path, contents: sitemap.xml)
        if let robots = sitemap.robots { writer.write(Sitemap.robotsPath, contents: robots) }
        if let channels = site.channels {
            writer.write(ReportingChannelsJSON.outputPath, contents: ReportingChannelsJSON.encode(channels))
        }
        for file in site.staticFiles + templates.assets + brandFiles {
            writer.copy(from: file.sourcePath, to: file.outputPath)
        }
        if let stylesheet = site.config.brand?.stylesheet { writer.write(Brand.stylesheetPath, contents: stylesheet) }
        buildCache.encoded().withUnsafeBytes { writer.write(BuildCache.path, bytes: $0) }
        do {
            try writer.commit()
        } catch {
            diagnostics.append(.error(error.description, at: SourceLocation(file: options.outputDirectory)))
        }
        clock.lap("commit")
        if let archive = options.archivePath, !diagnostics.hasErrors {
            diagnostics += SiteArchive(siteDirectory: writer.outputDirectory, archivePath: archive).write()
            clock.lap("archive")
        }
        return finish(site.pages.count)
    }
}
