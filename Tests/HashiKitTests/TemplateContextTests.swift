import XCTest
@testable import HashiContent
@testable import HashiKit
@testable import HashiServe
@testable import HashiSite
@testable import HashiSupport

/// The names the template check accepts are those the context types declare, and the contexts
/// hashi builds hold no other name: a theme can use what the check lets through, nothing less.
final class TemplateContextTests: XCTestCase {
    func testEveryNameAPageCarriesIsOneTheCheckKnows() throws {
        let (loaded, _) = ContentLoader(contentDirectory: Repository.content, displayDirectory: "Content").load()
        let content = try XCTUnwrap(loaded)
        let (templates, diagnostics) = TemplateSet.load(folders: [Repository.templates], displayFolders: ["Templates"],
                                                        languages: content.config.languages)
        let theme = try XCTUnwrap(templates, "\(diagnostics)")
        let (site, _) = SiteBuilder(content: content).build(documents: DocumentStore(parsing: content))
        let renderer = PageRenderer(site: site, templates: theme)
        var names: Set<String> = []
        for page in site.pages {
            var context = renderer.context(for: page)
            context.setBody(Array("<p>body</p>".utf8))
            Self.collectNames(context.value, into: &names)
        }
        for page in site.generatedOutputs.allPages {
            Self.collectNames(renderer.context(generated: page.layout, title: page.title, outputPath: page.outputPath, language: page.language),
                              into: &names)
        }
        XCTAssertTrue(names.isSuperset(of: ["title", "content", "toc", "menu", "translations", "channels", "t", "isTranslated", "label"]))
        XCTAssertEqual(names.subtracting(PageContext.knownKeys).subtracting(PageContext.channelKeys), [])
    }

    func testEveryNameTheCheckKnowsPassesIt() throws {
        let names = PageContext.knownKeys.union(PageContext.channelKeys).subtracting([PageContext.uiStringsKey]).sorted()
        let folder = try TemporaryFolder([
            "Theme/layouts/page.mustache": names.map { "{{\($0)}}" }.joined(separator: "\n") + "\n{{t.hello}}\n",
            "Theme/i18n/en.yaml": "hello: Hello\n",
        ])
        let english = Language(code: "en", name: "English", title: "T", order: 0)
        let (set, diagnostics) = TemplateSet.load(folders: [folder.path + "/Theme"], displayFolders: ["Theme"], languages: [english])
        XCTAssertNotNil(set)
        XCTAssertEqual(diagnostics.map(\.description), [])
    }

    private static func collectNames(_ value: TemplateValue, into names: inout Set<String>) {
        switch value {
        case .object(let members):
            for (name, member) in members where name != PageContext.uiStringsKey {
                names.insert(name)
                collectNames(member, into: &names)
            }
            if members[PageContext.uiStringsKey] != nil { names.insert(PageContext.uiStringsKey) }
        case .list(let items):
            for item in items { collectNames(item, into: &names) }
        default:
            break
        }
    }
}
