import Foundation
import HashiSupport

/// Everything read from the content folder, before any Markdown is parsed.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var sources: [SourceFile]
    /// The Markdown body of each source, by the same index; nil for a file the build cache knew
    /// unchanged by its stamp, which is read by `body(of:)` only if a stage needs it.
    public var markdown: [String?]
    /// Where each source file is, by the same index.
    public var sourcePaths: [String]
    /// What reading each source file gave (its front matter's problems), by the same index.
    public var sourceDiagnostics: [[Diagnostic]] = []
    public var staticFiles: [StaticFile]
    /// Files of `Content/data/`, by name (`reporting-channels.yaml`), with the path shown in diagnostics.
    public var dataFiles: [DataFile]
    /// The reporting channels of `data/reporting-channels.yaml`, validated; nil when the site has none.
    public var channels: ReportingChannels?
}

extension LoadedContent {
    /// The Markdown body of source `index`: as loaded, or read now.
    public func body(of index: Int) -> String {
        markdown[index] ?? files.body(of: index)
    }

    /// Where to read each body again, without the bodies read already.
    var files: SourceFiles { SourceFiles(sources: sources, paths: sourcePaths) }
}

/// The source files of a build, to read a body the Load stage left unread (its stamp was known)
/// when a later stage needs it. A file changed since the Load stage gives its new body: the next
/// build sees its new stamp and makes its page again.
struct SourceFiles: Sendable {
    let sources: [SourceFile]
    let paths: [String]

    func body(of index: Int) -> String {
        guard let bytes = FileReader.bytes(atPath: paths[index]), case .success(let text) = TextDecoder.decode(bytes),
              let split = FrontMatterParser.split(text, file: sources[index].displayPath).0 else { return "" }
        return split.body
    }
}

/// A structured data file of `Content/data/`.
public struct DataFile: Sendable {
    public let name: String
    public let displayPath: String
    public let text: String
}

/// Stage 1: reads `site.yaml`, walks `Content/<lang>/` and splits front matter from each body.
public struct ContentLoader: Sendable {
    /// The largest Markdown file a page may be, in bytes. Parsing and rendering hold several copies
    /// of a page at once; past this size a build needs gigabytes, and no phone opens the page.
    public static let pageSizeLimit = 10_000_000

    public let contentDirectory: String
    public let displayDirectory: String
    /// Front matter read by an earlier build, reused when unchanged.
    public let cache: BuildCache
    /// Told `site.yaml` as soon as it is read, before the Markdown: the Load stage starts reading
    /// the theme then, on another core.
    public var configRead: (@Sendable (SiteConfig) -> Void)? = nil

    /// - Parameters:
    ///   - contentDirectory: the folder to read.
    ///   - displayDirectory: how to name that folder in diagnostics (`Content`).
    public init(contentDirectory: String, displayDirectory: String, cache: BuildCache = BuildCache()) {
        self.contentDirectory = contentDirectory
        self.displayDirectory = displayDirectory
        self.cache = cache
    }

    public func load() -> (LoadedContent?, [Diagnostic]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            return (nil, [Diagnostic(ContentProblem.folderMissing, at: SourceLocation(file: displayDirectory))])
        }
        let configPath = displayDirectory + "/site.yaml"
        let configBytes: [UInt8]
        switch FileReader.read(atPath: contentDirectory + "/site.yaml") {
        case .success(let bytes): configBytes = bytes
        case .failure(let failure) where failure.isMissing:
            return (nil, [Diagnostic(SiteConfigProblem.missing, at: SourceLocation(file: configPath))])
        case .failure(let failure):
            return (nil, [Diagnostic(SiteConfigProblem.unreadable(reason: failure.text), at: SourceLocation(file: configPath))])
        }
        let configText: String
        switch TextDecoder.decode(configBytes) {
        case .success(let text): configText = text
        case .failure(let failure): return (nil, [Self.diagnostic(for: failure, file: configPath)])
        }
        var (config, diagnostics) = SiteConfigLoader.load(text: configText, file: configPath)
        guard let config else { return (nil, diagnostics) }
        configRead?(config)

        var sources: [SourceFile] = []
        var bodies: [String?] = []
        var paths: [String] = []
        var sourceDiagnostics: [[Diagnostic]] = []
        let now = Date()
        var staticFiles: [StaticFile] = []
        for language in config.languages {
            let folder = contentDirectory + "/" + language.code
            let displayFolder = displayDirectory + "/" + language.code
            guard FileManager.default.fileExists(atPath: folder) else {
                diagnostics.append(Diagnostic(ContentProblem.languageFolderMissing(language: language.code), at: SourceLocation(file: displayFolder)))
                continue
            }
            let (entries, walkDiagnostics) = DirectoryWalker(root: folder, displayRoot: displayFolder).files()
            diagnostics += walkDiagnostics
            let markdown = entries.filter { $0.relativePath.hasSuffix(".md") }
            let loaded = markdown.concurrentMap { entry in
                loadSource(entry, language: language, displayFolder: displayFolder, now: now)
            }
            for (entry, (source, fileDiagnostics)) in zip(markdown, loaded) {
                diagnostics += fileDiagnostics
                if let source, !source.file.frontMatter.draft {
                    sources.append(source.file)
                    bodies.append(source.body)
                    paths.append(entry.absolutePath)
                    sourceDiagnostics.append(fileDiagnostics)
                }
            }
            for entry in entries where !entry.relativePath.hasSuffix(".md") {
                staticFiles.append(StaticFile(outputPath: language.code + "/" + entry.relativePath, sourcePath: entry.absolutePath,
                                              displayPath: displayFolder + "/" + entry.relativePath))
            }
        }
        diagnostics += Self.lintCopiedFiles(staticFiles)
        let (dataFiles, dataDiagnostics) = loadDataFiles()
        diagnostics += dataDiagnostics
        var channels: ReportingChannels?
        if let file = dataFiles.first(where: { $0.name == ReportingChannels.fileName }) {
            let (loaded, channelDiagnostics) = ReportingChannelsLoader(languages: config.languages, missingTranslation: config.missingTranslation).load(file)
            channels = loaded
            diagnostics += channelDiagnostics
        }
        let content = LoadedContent(config: config, sources: sources, markdown: bodies, sourcePaths: paths, sourceDiagnostics: sourceDiagnostics,
                                    staticFiles: staticFiles, dataFiles: dataFiles, channels: channels)
        return (content, diagnostics)
    }

    /// One source file: its front matter, and its body unless the cache knew the file unchanged by its stamp.
    func loadSource(_ entry: DirectoryWalker.Entry, language: Language, displayFolder: String,
                            now: Date) -> ((file: SourceFile, body: String?)?, [Diagnostic]) {
        let displayPath = displayFolder + "/" + entry.relativePath
        if let known = cache.unchangedSource(file: displayPath, stamp: entry.stamp) {
            guard let frontMatter = known.entry.frontMatter else { return (nil, known.entry.diagnostics) }
            let source = SourceFile(language: language, relativePath: entry.relativePath, displayPath: displayPath,
                                    frontMatter: frontMatter, bodyStartLine: known.bodyStartLine)
            return ((source, nil), known.entry.diagnostics)
        }
        let bytes: [UInt8]
        switch FileReader.read(atPath: entry.absolutePath) {
        case .success(let read): bytes = read
        case .failure(let failure): return (nil, [Diagnostic(FileProblem.fileUnreadable(reason: failure.text), at: SourceLocation(file: displayPath))])
        }
        guard bytes.count <= Self.pageSizeLimit else {
            let size = String(format: "%.1f", Double(bytes.count) / 1_000_000)
            return (nil, [Diagnostic(ContentProblem.pageTooLarge(megabytes: size, limit: Self.pageSizeLimit / 1_000_000),
                                     at: SourceLocation(file: displayPath))])
        }
        let text: String
        switch TextDecoder.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure): return (nil, [Self.diagnostic(for: failure, file: displayPath)])
        }
        let (split, splitError) = FrontMatterParser.split(text, file: displayPath)
        guard let split else { return (nil, splitError.map { [$0] } ?? []) }
        let ((frontMatter, diagnostics), key) = cache.frontMatter(yaml: split.yaml, file: displayPath) {
            FrontMatterParser.parse(split.yaml, file: displayPath)
        }
        guard let frontMatter else { return (nil, diagnostics) }
        if entry.stamp.isSettled(at: now) {
            cache.record(file: displayPath, stamp: entry.stamp, frontMatterKey: key, bodyStartLine: split.bodyStartLine)
        }
        let source = SourceFile(language: language, relativePath: entry.relativePath, displayPath: displayPath,
                                frontMatter: frontMatter, bodyStartLine: split.bodyStartLine)
        return ((source, split.body), diagnostics)
    }

    /// HTML, SVG and CSS files copied as they are get the checks templates and stylesheets get:
    /// nothing loaded from another site, and no script in an SVG.
    static func lintCopiedFiles(_ files: [StaticFile]) -> [Diagnostic] {
        let checked = files.filter { file in
            [".html", ".htm", ".svg", ".css"].contains { file.outputPath.lowercased().hasSuffix($0) }
        }
        return checked.concurrentMap { file -> [Diagnostic] in
            guard case .success(let bytes) = FileReader.read(atPath: file.sourcePath) else { return [] }  // reported when copied
            let text = String(decoding: bytes, as: UTF8.self)
            return file.outputPath.lowercased().hasSuffix(".css") ? ExternalRequestLint.stylesheet(text, file: file.displayPath)
                : ExternalRequestLint.copiedFile(text, file: file.displayPath)
        }.flatMap { $0 }
    }

    private func loadDataFiles() -> ([DataFile], [Diagnostic]) {
        let folder = contentDirectory + "/data"
        guard FileManager.default.fileExists(atPath: folder) else { return ([], []) }
        let (entries, diagnostics) = DirectoryWalker(root: folder, displayRoot: displayDirectory + "/data").files()
        var files: [DataFile] = []
        var all = diagnostics
        for entry in entries where entry.relativePath.hasSuffix(".yaml") || entry.relativePath.hasSuffix(".yml") {
            let displayPath = displayDirectory + "/data/" + entry.relativePath
            let bytes: [UInt8]
            switch FileReader.read(atPath: entry.absolutePath) {
            case .success(let read): bytes = read
            case .failure(let failure):
                all.append(Diagnostic(FileProblem.fileUnreadable(reason: failure.text), at: SourceLocation(file: displayPath)))
                continue
            }
            switch TextDecoder.decode(bytes) {
            case .success(let text): files.append(DataFile(name: entry.relativePath, displayPath: displayPath, text: text))
            case .failure(let failure): all.append(Self.diagnostic(for: failure, file: displayPath))
            }
        }
        return (files, all)
    }

    package static func diagnostic(for failure: TextDecoder.Failure, file: String) -> Diagnostic {
        switch failure {
        case let .invalidUTF8(line, column):
            return Diagnostic(ContentProblem.invalidUTF8, at: SourceLocation(file: file, line: line, column: column))
        case let .nulByte(line, column):
            return Diagnostic(ContentProblem.nulByte, at: SourceLocation(file: file, line: line, column: column))
        }
    }
}
