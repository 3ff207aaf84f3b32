import Foundation
import HashiContent
import HashiSupport

/// The `SiteFields` members of the pages' contexts, made once for all the pages that see the same
/// ones: the fast path of `PageContext.Base.fields()` for a build's pages. `TemplateContextTests`
/// holds every page's context against the one made from the typed parts.
///
/// That part depends on the page only through its links, all relative to the page's folder, and
/// the menu item marked current. A link from folder `F` to a target `T` (`URLPath.relative`) is
/// `../` for each part of `F` after those it shares with `T`, then the rest of `T`: it is the same
/// for every folder of the same depth that shares the same parts with `T`. So two pages of a
/// language see the same part when their folders have the same depth and the same longest start
/// that starts the folder of some target (`shared`), and the menu marks the same item.
final class SiteMembers: @unchecked Sendable {  // `made` is read and written under `lock`
    private struct Key: Hashable {
        let language: String
        let depth: Int
        /// The parts of the page's folder that start the folder of some target, joined by `/`.
        let shared: String
        /// The page's own output path when the menu lists it, which marks that item current.
        let currentMenuPage: String?
    }

    /// The output paths of each language's menu, by language code.
    private let menuPaths: [String: Set<String>]
    /// Every start of the folder of every target of the part's links (`en`, `en/news`), joined by `/`.
    private let targetStarts: Set<String>
    private let lock = NSLock()
    private var made: [Key: TemplateObject] = [:]

    init(site: Site) {
        var menuPaths: [String: Set<String>] = [:]
        var targets: [String] = []
        for language in site.languages {
            let menu = site.menu(for: language)
            menuPaths[language.code] = Set(menu.map(\.outputPath))
            targets += [language.code + "/", language.code + "/search/"] + menu.map(\.url)
            if let help = site.config.helpPage, let page = site.page(source: help, in: language) { targets.append(page.url) }
        }
        var starts: Set<String> = []
        for target in targets {
            var start = ""
            for part in Self.parts(of: target) {
                start += start.isEmpty ? part : "/" + part
                starts.insert(start)
            }
        }
        self.menuPaths = menuPaths
        targetStarts = starts
    }

    /// What `base.fields()` writes into a context, for a page's own base (links relative to it).
    func members(for base: PageContext.Base) -> TemplateObject {
        let parts = Self.parts(of: base.outputPath)
        var shared = ""
        for part in parts {
            let longer = shared.isEmpty ? part : shared + "/" + part
            guard targetStarts.contains(longer) else { break }
            shared = longer
        }
        let isInMenu = menuPaths[base.language.code]?.contains(base.outputPath) ?? false
        let key = Key(language: base.language.code, depth: parts.count, shared: shared, currentMenuPage: isInMenu ? base.outputPath : nil)
        if let members = lock.withLock({ made[key] }) { return members }
        var members = TemplateMembers(capacity: 24)
        base.fields().addMembers(to: &members)
        lock.withLock { made[key] = members.values }
        return members.values
    }

    /// The non-empty parts of a path's folder, as `URLPath.relative` walks them (by bytes: a
    /// `String`'s own `split` reads characters).
    private static func parts(of path: String) -> [String] {
        URLPath.folder(of: path).utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }
}
