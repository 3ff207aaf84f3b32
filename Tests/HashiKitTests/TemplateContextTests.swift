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
        let (site, renderer) = try Self.repositorySite()
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

    /// Every context hashi builds is what the plain `Encodable` path (`TemplateValueEncoder`) makes of the same parts.
    func testContextsAreThoseTheEncoderMakes() throws {
        let (site, renderer) = try Self.repositorySite()
        for page in site.pages {
            let parts = renderer.contextParts(for: page)
            XCTAssertEqual(TemplateMembers.object(parts), TemplateValueEncoder.object(parts), page.url)
            // Twice: the second takes the site's part as `SiteMembers` kept it.
            XCTAssertEqual(renderer.context(for: page).value, TemplateMembers.object(parts), page.url)
            XCTAssertEqual(renderer.context(for: page).value, TemplateMembers.object(parts), page.url)
        }
        for page in site.generatedOutputs.allPages {
            let parts = renderer.contextParts(generated: page.layout, title: page.title, outputPath: page.outputPath, language: page.language)
            XCTAssertEqual(TemplateMembers.object(parts), TemplateValueEncoder.object(parts), page.outputPath)
        }
    }

    /// The site's part, kept once for the pages that see the same one (`SiteMembers`), is each
    /// page's own: pages at every depth, in, beside and below the folders the menu and the help
    /// page link to, a page of the menu among them.
    func testTheSitePartKeptForPagesAlikeIsEachPagesOwn() throws {
        let pages = ["top.md", "guide/_index.md", "guide/a.md", "guide/deep/_index.md", "guide/deep/help.md", "guide/deep/y.md",
                     "guide/deep/down/z.md", "guide/other/w.md", "guidebook/v.md", "news/_index.md", "news/deep/help.md"]
        var files = ["Content/site.yaml": bilingualSiteYAML + "\nmenu: [guide/_index.md, guide/deep/y.md, top.md]\nhelpPage: guide/deep/help.md\n"]
        for (number, page) in pages.enumerated() {
            files["Content/en/" + page] = "---\ntitle: Page \(number)\n---\nText \(number).\n"
        }
        files["Content/ja/guide/deep/help.md"] = "---\ntitle: 助け\n---\n本文。\n"
        let folder = try TemporaryFolder(files)
        let (loaded, _) = ContentLoader(contentDirectory: folder.path + "/Content", displayDirectory: "Content").load()
        let content = try XCTUnwrap(loaded)
        let (templates, diagnostics) = TemplateSet.load(folders: [Repository.templates], displayFolders: ["Templates"],
                                                        languages: content.config.languages)
        let (site, _) = SiteBuilder(content: content).build(documents: DocumentStore(parsing: content))
        let renderer = PageRenderer(site: site, templates: try XCTUnwrap(templates, "\(diagnostics)"))
        XCTAssertGreaterThan(site.pages.count, pages.count)
        for page in site.pages + site.pages {
            XCTAssertEqual(renderer.context(for: page).value, TemplateMembers.object(renderer.contextParts(for: page)), page.outputPath)
        }
    }

    /// Each part writes every property under its name, an optional one too once it is set, as the
    /// encoder does; a property added without its line in `addMembers(to:)` fails here.
    func testEveryPropertyOfEveryPartIsWritten() {
        func filled<Fields: TemplateFields>(_ paths: [WritableKeyPath<Fields, String?>]) -> Fields {
            var fields = Fields()
            for path in paths { fields[keyPath: path] = "x" }
            return fields
        }
        var page: PageFields = filled([\.canonical, \.contentDir, \.staleNotice, \.staleHref, \.staleLang, \.date, \.dateISO])
        page.content = .bytes(Array("<p>x</p>".utf8))
        let card: ChannelCard = filled([\.nameLang, \.nameDir, \.purposeLang, \.purposeDir, \.audienceLang, \.audienceDir, \.phone,
                                        \.telURL, \.shortCode, \.howToCall, \.howToCallLang, \.howToCallDir, \.form, \.website,
                                        \.channelLanguages, \.channelLanguagesLang, \.channelLanguagesDir, \.hours, \.hoursLang,
                                        \.hoursDir, \.note, \.noteLang, \.noteDir, \.anonymousText])
        let parts: [any TemplateFields] = [
            filled([\SiteFields.dir, \.footer, \.helpHref, \.brandName, \.brandLogo, \.brandContact, \.brandLicense, \.brandColor,
                    \.brandStylesheet]) as SiteFields,
            MenuItem(), filled([\LanguageItem.otherDir, \.helpHref, \.footer, \.brandContact, \.brandLicense]) as LanguageItem,
            page, TocItem(level: 3, nested: true), ChildItem(), filled([\TranslationItem.otherDir]) as TranslationItem, AlternateItem(),
            GeneratedFields(), StatusFields(), StatusLanguage(), StatusRow(), filled([\StatusCell.cellHref]) as StatusCell,
            filled([\ChannelFields.checked, \.checkedISO]) as ChannelFields, card, SituationItem(),
        ]
        for part in parts {
            let name = "\(type(of: part))"
            XCTAssertEqual(part.templateValue, TemplateValueEncoder.value(part), name)
            guard case .object(let members) = part.templateValue else { return XCTFail(name) }
            XCTAssertEqual(Set(members.keys), Set(Mirror(reflecting: part).children.compactMap(\.label)), name)
        }
    }

    /// The repository's `Content/` site with its theme, and the renderer of its pages.
    private static func repositorySite() throws -> (Site, PageRenderer) {
        let (loaded, _) = ContentLoader(contentDirectory: Repository.content, displayDirectory: "Content").load()
        let content = try XCTUnwrap(loaded)
        let (templates, diagnostics) = TemplateSet.load(folders: [Repository.templates], displayFolders: ["Templates"],
                                                        languages: content.config.languages)
        let theme = try XCTUnwrap(templates, "\(diagnostics)")
        let (site, _) = SiteBuilder(content: content).build(documents: DocumentStore(parsing: content))
        let renderer = PageRenderer(site: site, templates: theme)
        return (site, renderer)
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
