import XCTest
@testable import HashiContent
@testable import HashiSupport

/// What `.hashi/cache` leaves out and gives back: a resolved link's target as the end it shares
/// with what the author wrote, headings' ids made again from their texts.
final class BuildCacheTests: XCTestCase {
    func reference(_ destination: String) -> LinkReference {
        LinkReference(destination: destination, isImage: false, location: SourceLocation(file: "a.md", line: 1, column: 1))
    }

    func testLinksComeBackWholeFromTheirWrittenDestinations() throws {
        let written = ["/en/shelters/", "https://example.org/é", "../b.md#Café", "javascript:alert(1)", "ビザ/", "x"].map(reference)
        let links = PageLinks(links: [.local("../shelters/"), .external("https://example.org/é"), .local("../b/#Café"), .removed,
                                      .local("../ビザ/"), .local("../other/")],
                              diagnostics: [], anchorPages: [(url: "en/b/", headings: 7)])
        var writer = ByteWriter()
        CachedLinks(whole: links, written: written).write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let read = try CachedLinks.read(&reader) { _ throws(ByteReader.Malformed) in PageLinks(links: [], diagnostics: [], anchorPages: []) }
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertEqual(read.whole(written: written)?.links, links.links)
        XCTAssertEqual(read.shared, [10, 22, 6, 0, 7, 0], "the ends shared, whole characters only")
        XCTAssertNil(read.whole(written: Array(written.dropLast())), "the links of another document")
    }

    func testASharedEndNeverStartsInsideACharacter() {
        // é (C3 A9) and ɩ (C9 A9) end with the same byte.
        XCTAssertEqual(CachedLinks.sharedEnd(of: "aé", with: "bɩ"), 0)
        XCTAssertEqual(CachedLinks.sharedEnd(of: "../é/", with: "/en/é/"), 4)
        XCTAssertEqual(CachedLinks.sharedEnd(of: "", with: "x"), 0)
    }

    /// A document's headings come back from the cache with the ids the parser gave them.
    func testHeadingIDsComeBackFromTheirTexts() throws {
        let markdown = "# Intro\n\n## Intro\n\n## 家具の固定\n\n### Café & Co.\n\n## !\n\n## Intro\n"
        let parsed = MarkdownRenderer().render(markdown: markdown, file: "/site/en/a.md")
        XCTAssertEqual(parsed.facts.headings.map(\.id), ["intro", "intro-1", "家具の固定", "café--co", "section", "intro-2"])
        let source = SourceFile(language: Language(code: "en", name: "English", title: "T", order: 0), relativePath: "en/a.md", displayPath: "/site/en/a.md",
                                frontMatter: FrontMatter(), bodyStartLine: 1)
        let cache = BuildCache(contentFolder: "/site")
        _ = cache.document(of: source, markdown: markdown, options: "", parse: { parsed })
        let folder = try TemporaryFolder()
        try folder.writeBytes(BuildCache.path, cache.encoded())
        let again = BuildCache(outputDirectory: folder.path, contentFolder: "/site")
        guard case .summary(let summary) = again.document(of: source, markdown: markdown, options: "", parse: { parsed }) else {
            return XCTFail("the document is in the cache")
        }
        XCTAssertEqual(summary.headings, parsed.facts.headings)
    }
}
