import HashiSupport

/// What the Model stage found for one page's links, kept between builds (`BuildCache`), so a
/// rebuild resolves again only the pages whose links could now lead elsewhere.
package struct PageLinks: Sendable {
    /// Where each link of the page's document leads, by index.
    package var links: [ResolvedLink]
    package var diagnostics: [Diagnostic]
    /// The other pages whose headings an anchor of this page was looked up in, each with the key of
    /// its headings then: a heading renamed there checks this page's anchors again.
    package var anchorPages: [(url: String, headings: UInt64)]
}

extension LinkResolver {
    static let version = "links 1"

    /// A hash of everything a link can lead to but headings: each page's URL and the source it is
    /// made from, the files copied, and the paths hashi writes itself.
    static func structureKey(site: Site, generated: GeneratedOutputs) -> UInt64 {
        let staticPaths = site.staticFiles.map(\.outputPath)
        var hasher = StableHasher()
        hasher.combine(version)
        hasher.combine(site.pages.count)
        for page in site.pages {
            hasher.combine(page.url)
            hasher.combine(page.language.code)
            hasher.combine(page.source.relativePath)
        }
        hasher.combine(staticPaths.count)
        for path in staticPaths.sorted() { hasher.combine(path) }
        hasher.combine(generated.entries.count)
        for entry in generated.entries {
            hasher.combine(entry.path)
            hasher.combine(entry.page?.outputPath ?? "\u{0}")
        }
        return hasher.finalize()
    }

    /// The key a page's links were resolved under: the site's structure, the page's place, and its
    /// links, headings and Markdown (for columns), which its document key stands for.
    static func key(for page: Page, structure: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(structure)
        hasher.combine(page.url)
        hasher.combine(page.source.language.code)
        hasher.combine(page.source.relativePath)
        hasher.combine(page.source.displayPath)
        hasher.combine(page.document.key)
        return hasher.finalize()
    }

    /// The ids of a page's headings, in order (an anchor's error lists the first of them).
    static func headingsKey(of page: Page?) -> UInt64 {
        page.map { headingsKey(of: $0.document) } ?? 0
    }

    static func headingsKey(of document: DocumentSummary) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(document.headings.count)
        for heading in document.headings { hasher.combine(heading.id) }
        return hasher.finalize()
    }

    /// Whether links resolved under the same key hold still: the pages their anchors were looked up in have the same headings.
    static func stillHold(_ earlier: PageLinks, in site: Site) -> Bool {
        earlier.anchorPages.allSatisfy { headingsKey(of: site.page(atURL: $0.url)) == $0.headings }
    }
}
