import HashiSupport

/// Stage 3: turns loaded, parsed files into a `Site`: URLs, translations, and every link resolved.
public struct SiteBuilder {
    public let content: LoadedContent

    public init(content: LoadedContent) {
        self.content = content
    }

    /// - Parameter cache: links resolved by earlier builds, taken where they still hold; in a
    ///   long-lived session, also the model of its last build, updated when the site's shape is the same.
    public func build(documents: DocumentStore, cache: BuildCache? = nil) -> (Site, [Diagnostic]) {
        let shape = ModelShape(content)
        let model: SiteModel
        if let previous = cache?.model, previous.shape == shape, previous.documentKeys.count == documents.summaries.count {
            model = previous.updated(content: content, documents: documents, cache: cache)
        } else {
            model = makeModel(shape: shape, documents: documents, cache: cache)
        }
        cache?.model = model
        return (model.site, model.diagnostics)
    }

    /// The model made from nothing: pages, their URLs and order, translations, menus, links.
    private func makeModel(shape: ModelShape, documents: DocumentStore, cache: BuildCache?) -> SiteModel {
        var diagnostics: [Diagnostic] = []
        let config = content.config
        var pages: [Page] = []
        var firstByURL: [String: SourceFile] = [:]
        let generated = GeneratedOutputs(languages: config.languages, defaultLanguage: config.defaultLanguage,
                                         hasChannels: content.channels != nil)
        for (index, source) in content.sources.enumerated() {
            let url = Self.url(for: source)
            if let earlier = firstByURL[url] {
                diagnostics.append(Diagnostic(ModelProblem.duplicateURL(url: url, earlier: earlier.displayPath),
                                              at: SourceLocation(file: source.displayPath)))
                continue
            }
            if let owner = generated.owner(of: url + "index.html") {
                diagnostics.append(Diagnostic(ModelProblem.pageOnGeneratedPath(url: url, role: owner.role, path: owner.path),
                                              at: SourceLocation(file: source.displayPath)))
                continue
            }
            firstByURL[url] = source
            let kind: Page.Kind = source.relativePath == "_index.md" ? .home : (source.isSectionIndex ? .section : .page)
            let key = source.frontMatter.translationKey ?? String(source.relativePath.dropLast(3))
            pages.append(Page(source: source, sourceIndex: index, document: documents.summaries[index], kind: kind, url: url,
                              translationKey: key))
        }
        pages.sort { a, b in
            a.language.order != b.language.order ? a.language.order < b.language.order : a.url.utf8.lexicographicallyPrecedes(b.url.utf8)
        }
        // The translations are checked on another core while the stand-ins, the menus and the site's tables are made.
        let translationChecks = BackgroundWork { [pages] in
            (Self.duplicateTranslationKeys(pages),
             TranslationReport(pages: pages, languages: config.languages, policy: config.missingTranslation, documents: documents).diagnostics())
        }
        if config.missingTranslation == .fallback {
            pages += fallbackPages(for: pages, languages: config.languages, taken: Set(firstByURL.keys))
            pages.sort { a, b in
                a.language.order != b.language.order ? a.language.order < b.language.order : a.url.utf8.lexicographicallyPrecedes(b.url.utf8)
            }
        }
        let status = BackgroundWork { [pages] in TranslationStatus(pages: pages, languages: config.languages, documents: documents) }
        let fileDiagnostics = checkMenus(pages, config: config) + checkStaticFiles(content.staticFiles, pages: pages, generated: generated)
        var site = Site(config: config, pages: pages, staticFiles: content.staticFiles, channels: content.channels)
        let structure = LinkResolver.structureKey(site: site, generated: generated)
        let (duplicateKeys, translationDiagnostics) = translationChecks.value
        diagnostics += duplicateKeys + fileDiagnostics
        site.translationStatus = status.value
        let (links, linkKeys) = resolveLinks(site: site, generated: generated, structure: structure, documents: documents, cache: cache)
        for (index, pageLinks) in links.enumerated() { site.pages[index].resolvedLinks = pageLinks.links }
        return SiteModel(shape: shape, site: site, documentKeys: documents.summaries.map(\.key), links: links, linkKeys: linkKeys,
                         structure: structure, shapeDiagnostics: diagnostics, translationDiagnostics: translationDiagnostics,
                         hasStamps: content.sources.contains { $0.frontMatter.translatedFrom != nil })
    }

    /// Every page's links: as an earlier build resolved them where they still hold, else resolved now
    /// (the resolver, with its table of every page's headings, is made only then).
    private func resolveLinks(site: Site, generated: GeneratedOutputs, structure: UInt64, documents: DocumentStore,
                              cache: BuildCache?) -> (links: [PageLinks], keys: [UInt64]) {
        let keys = site.pages.concurrentMap { LinkResolver.key(for: $0, structure: structure) }
        var resolved = zip(keys, site.pages).map { key, page in
            cache?.earlierLinks(key: key, written: page.document.links).flatMap { LinkResolver.stillHold($0, in: site) ? $0 : nil }
        }
        let missing = resolved.indices.filter { resolved[$0] == nil }
        if !missing.isEmpty {
            let resolver = LinkResolver(site: site, generated: generated, documents: documents)
            for (index, links) in zip(missing, missing.concurrentMap { resolver.resolve(site.pages[$0]) }) { resolved[index] = links }
        }
        let links = resolved.map { $0! }
        cache?.keep(links, keys: keys, pages: site.pages)
        return (links, keys)
    }

    /// A file copied from the content must not land where a page or hashi itself writes.
    private func checkStaticFiles(_ files: [StaticFile], pages: [Page], generated: GeneratedOutputs) -> [Diagnostic] {
        guard !files.isEmpty else { return [] }
        let pageFiles = Dictionary(pages.indices.map { (pages[$0].outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        return files.compactMap { file in
            if let index = pageFiles[file.outputPath] {
                let page = pages[index]
                let owner = page.isFallback ? "the stand-in for \(page.source.displayPath)" : "the page \(page.source.displayPath)"
                return Diagnostic(ModelProblem.fileReplacesPage(outputPath: file.outputPath, owner: owner),
                                  at: SourceLocation(file: file.displayPath))
            }
            guard let owner = generated.owner(of: file.outputPath) else { return nil }
            return Diagnostic(ModelProblem.fileOnGeneratedPath(outputPath: file.outputPath, role: owner.role, path: owner.path),
                              at: SourceLocation(file: file.displayPath))
        }
    }

    /// A menu entry or help page must name a page of some language; a language without it leaves it out.
    private func checkMenus(_ pages: [Page], config: SiteConfig) -> [Diagnostic] {
        let paths = Set(pages.map(\.source.relativePath))
        var diagnostics = config.menus.values.flatMap { $0 }.filter { !paths.contains($0.path) }.map { entry in
            Diagnostic(ModelProblem.menuEntryMissing(path: entry.path), at: SourceLocation(file: config.file, line: entry.line))
        }
        if let help = config.helpPage, !paths.contains(help) {
            diagnostics.append(Diagnostic(ModelProblem.helpPageMissing(path: help), at: SourceLocation(file: config.file)))
        }
        return diagnostics.sorted()
    }

    /// For each page missing in a language, a copy of the page in the nearest language of its fallback
    /// chain (else the first language that has it) under that language's URL, so every language has
    /// every page and no link leads nowhere.
    private func fallbackPages(for pages: [Page], languages: [Language], taken: Set<String>) -> [Page] {
        var groups: [String: [String: Page]] = [:]
        for page in pages { groups[page.translationKey, default: [:]][page.language.code] = page }
        var fallbacks: [Page] = []
        for (key, group) in groups.sorted(by: { $0.key < $1.key }) {
            for language in languages where group[language.code] == nil {
                let candidates = languages.fallbackChain(for: language) + languages
                guard let original = candidates.lazy.compactMap({ group[$0.code] }).first else { continue }
                let url = language.code + original.url.dropFirst(original.language.code.count)
                guard !taken.contains(url) else { continue }
                fallbacks.append(Page(source: original.source, sourceIndex: original.sourceIndex, document: original.document, kind: original.kind, url: url,
                                      translationKey: key, language: language, fallbackOf: original.url))
            }
        }
        return fallbacks
    }

    /// `Content/en/labor.md` → `en/labor/`; `_index.md` is its folder; `slug` replaces the last part.
    static func url(for source: SourceFile) -> String {
        let (path, code, slug) = (source.relativePath, source.language.code, source.frontMatter.slug)
        return quickURL(path: path, code: code, slug: slug) ?? plainURL(path: path, code: code, slug: slug)
    }

    /// The rule, part by part.
    static func plainURL(path: String, code: String, slug: String?) -> String {
        var parts = path.split(separator: "/").map(String.init)
        let file = parts.removeLast()
        if file != "_index.md" {
            parts.append(slug ?? String(file.dropLast(3)))
        } else if let slug, !parts.isEmpty {
            parts[parts.count - 1] = slug
        }
        return ([code] + parts).joined(separator: "/") + "/"
    }

    /// `plainURL` by the bytes of an ASCII path (without `\r`, so every byte is a character), written
    /// once into a buffer: a page's URL without an array of its parts. Nil for any other path.
    static func quickURL(path: String, code: String, slug: String?) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
            let slash = UInt8(ascii: "/")
            // The file is the last part; the folders are the parts before it.
            var fileEnd = bytes.count
            while fileEnd > 0, bytes[fileEnd - 1] == slash { fileEnd -= 1 }
            guard fileEnd > 0 else { return nil }
            var fileStart = fileEnd
            while fileStart > 0, bytes[fileStart - 1] != slash { fileStart -= 1 }
            let file = UnsafeBufferPointer(rebasing: bytes[fileStart..<fileEnd])
            let isIndex = file.elementsEqual("_index.md".utf8)
            var foldersEnd = fileStart
            while foldersEnd > 0, bytes[foldersEnd - 1] == slash { foldersEnd -= 1 }
            // `_index.md` with a slug: the slug replaces its folder, the last one.
            let replacesFolder = isIndex && slug != nil && foldersEnd > 0
            if replacesFolder {
                while foldersEnd > 0, bytes[foldersEnd - 1] != slash { foldersEnd -= 1 }
            }
            let last = isIndex ? (replacesFolder ? slug : nil) : slug
            let capacity = code.utf8.count + bytes.count + (slug?.utf8.count ?? 0) + 3
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
                var count = 0
                func add<Bytes: Sequence<UInt8>>(_ part: Bytes) {
                    for byte in part { out[count] = byte; count += 1 }
                    out[count] = slash
                    count += 1
                }
                add(code.utf8)
                var start = 0
                for index in 0...foldersEnd where index == foldersEnd || bytes[index] == slash {
                    if index > start { add(bytes[start..<index]) }
                    start = index + 1
                }
                if let last {
                    add(last.utf8)
                } else if !isIndex {
                    add(file.dropLast(3))
                }
                // Decoded, not copied unchecked: the string then knows it is ASCII, and a URL is a
                // key of many tables, hashed and compared fastest so.
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<count]), as: UTF8.self)
            }
        }
    }

    /// Two pages of one language must not pair with the same translations.
    private static func duplicateTranslationKeys(_ pages: [Page]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byKey: [String: [String: String]] = [:]  // the file of the first page of each key and language
        for index in pages.indices {
            let (key, code, file) = (pages[index].translationKey, pages[index].language.code, pages[index].source.displayPath)
            if let other = byKey[key]?[code] {
                diagnostics.append(Diagnostic(ModelProblem.duplicateTranslationKey(key: key, other: other), at: SourceLocation(file: file)))
                continue
            }
            byKey[key, default: [:]][code] = file
        }
        return diagnostics
    }
}
