import Foundation
import HashiSupport

/// Checks each link an author wrote and decides what it becomes: a relative link, an external one, or nothing.
struct LinkResolver {
    let site: Site
    let generated: GeneratedOutputs
    private let staticPaths: Set<String>

    /// Where the Markdown of each page is, to count columns in characters.
    let documents: DocumentStore

    /// The heading ids of each page an anchor names, by URL: found at once, however many a page has.
    private let headingIDs = HeadingIDs()

    init(site: Site, generated: GeneratedOutputs, documents: DocumentStore) {
        self.documents = documents
        self.site = site
        self.generated = generated
        self.staticPaths = Set(site.staticFiles.map(\.outputPath))
    }

    static let forbiddenSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    func resolve(_ page: Page) -> PageLinks {
        var diagnostics: [Diagnostic] = []
        // Diagnostics whose column cmark gave in bytes: counted in characters at once at the end.
        var byteColumns: [Int] = []
        var anchorPages: Set<String> = []
        let links = page.document.links.map { link -> ResolvedLink in
            switch resolve(link, on: page, anchorPages: &anchorPages) {
            case .success(.external) where link.isImage:
                // An image from another site would be a request leaving the site (and the CSP blocks it).
                byteColumns.append(diagnostics.count)
                diagnostics.append(Diagnostic(LinkProblem.externalImage(destination: String(link.destination.prefix(60))), at: link.location))
                return .removed
            case .success(let resolved):
                if resolved == .removed {
                    diagnostics.append(Diagnostic(LinkProblem.removed(destination: String(link.destination.prefix(40))), at: link.location))
                }
                return resolved
            case .failure(let problem):
                byteColumns.append(diagnostics.count)
                diagnostics.append(Diagnostic(problem, at: link.location))
                return .removed
            }
        }
        if !byteColumns.isEmpty {
            let columns = page.source.characterColumns(byteColumns.map { (diagnostics[$0].line, diagnostics[$0].column) },
                                                       body: documents.markdown(of: page.sourceIndex))
            for (index, column) in zip(byteColumns, columns) { diagnostics[index].column = column }
        }
        return PageLinks(links: links, diagnostics: diagnostics,
                         anchorPages: anchorPages.sorted().map { ($0, Self.headingsKey(of: site.page(atURL: $0))) })
    }

    /// `anchorPages` gets the URL of each other page whose headings an anchor was looked up in.
    private func resolve(_ link: LinkReference, on page: Page, anchorPages: inout Set<String>) -> Result<ResolvedLink, LinkProblem> {
        let destination = link.destination.trimmingWhitespace
        if let scheme = Self.scheme(of: String(destination)) {
            return .success(Self.forbiddenSchemes.contains(scheme) ? .removed : .external(String(destination)))
        }
        if destination.hasPrefix("//") { return .success(.external("https:" + destination)) }

        var path = String(destination)
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        var query = ""
        if let mark = path.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(path[mark...])
            path = String(path[..<mark])
        }
        path = URLPath.decode(path)

        if path.isEmpty {
            guard let fragment else { return .success(.local("./")) }
            return check(fragment: fragment, in: page).map { .local("#" + URLPath.encode($0, keepNonASCII: true)) }
        }
        let target: String
        var targetPage: Page?
        if path.hasSuffix(".md") {
            let base = path.hasPrefix("/") ? "" : page.source.language.code + "/" + URLPath.folder(of: page.source.relativePath)
            guard let contentPath = URLPath.normalize(base + (path.hasPrefix("/") ? String(path.dropFirst()) : path)),
                  let found = site.page(contentPath: contentPath) else {
                return .failure(.missingPage(path: path))
            }
            targetPage = found
            target = found.url
        } else if path.hasPrefix("/") {
            guard let found = locate(String(path.dropFirst())) else {
                return .failure(.missingPage(path: path))
            }
            target = found
            targetPage = site.page(atURL: found)
        } else {
            // Relative to the Markdown file first (an image beside it), then to the page's URL.
            let besideSource = URLPath.normalize(page.source.language.code + "/" + URLPath.folder(of: page.source.relativePath) + path)
            let fromPage = URLPath.normalize(page.url + path)
            if let besideSource, staticPaths.contains(besideSource) {
                target = besideSource
            } else if let fromPage, let found = locate(fromPage) {
                target = found
                targetPage = site.page(atURL: found)
            } else {
                return .failure(.missingPageOrFile(path: path))
            }
        }
        var href = URLPath.encode(URLPath.relative(from: page.url, to: target)) + query
        if let fragment {
            if let targetPage {
                anchorPages.insert(targetPage.url)
                switch check(fragment: fragment, in: targetPage) {
                case .success(let id): href += "#" + URLPath.encode(id, keepNonASCII: true)
                case .failure(let problem): return .failure(problem)
                }
            } else {
                href += "#" + fragment
            }
        }
        return .success(.local(href))
    }

    /// An output path for a site-root path, trying it as a page folder and as a file.
    private func locate(_ path: String) -> String? {
        guard let normalized = URLPath.normalize(path) else { return nil }
        var candidates = [normalized]
        if normalized.isEmpty { candidates = ["index.html"] }
        if !normalized.hasSuffix("/") && !normalized.isEmpty { candidates.append(normalized + "/") }
        if normalized.hasSuffix("/index.html") { candidates.append(String(normalized.dropLast(10))) }
        return candidates.first { site.pageIndexByURL[$0] != nil || staticPaths.contains($0) || generated.isLinkTarget($0) }
    }

    private func check(fragment: String, in page: Page) -> Result<String, LinkProblem> {
        let id = URLPath.decode(fragment)
        if headingIDs.of(page).contains(id) { return .success(id) }
        let known = page.document.headings.prefix(8).map { "#" + $0.id }.joined(separator: ", ")
        let hint = known.isEmpty ? "it has no headings" : "its headings are \(known)"
        return .failure(.missingHeading(id: id, page: page.source.displayPath, hint: hint))
    }

    /// The lowercased scheme of a URL (`https`, `mailto`), or nil for a path. Control characters and
    /// spaces are skipped as browsers skip them, so `java\tscript:` is still caught.
    static func scheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        for byte in url.utf8 where byte > 0x20 {
            switch byte {
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self)
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                scheme.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte + 32)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }
                scheme.append(byte)
            default:
                return nil
            }
        }
        return nil
    }
}

/// The heading ids of pages, made for each page the first time an anchor names it: a rebuild that
/// resolves one page's links makes them for the pages it links to, not for every page.
private final class HeadingIDs: @unchecked Sendable {  // `byURL` is read and written under `lock`
    private let lock = NSLock()
    private var byURL: [String: Set<String>] = [:]

    func of(_ page: Page) -> Set<String> {
        if let ids = lock.withLock({ byURL[page.url] }) { return ids }
        let ids = Set(page.document.headings.map(\.id))
        lock.withLock { byURL[page.url] = ids }
        return ids
    }
}
