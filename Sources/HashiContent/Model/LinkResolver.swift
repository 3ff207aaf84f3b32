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
    /// The site's paths as bytes, for `quickResolve`; nil when one is not ASCII.
    let quickPaths: QuickPaths?

    init(site: Site, generated: GeneratedOutputs, documents: DocumentStore) {
        self.documents = documents
        self.site = site
        self.generated = generated
        self.staticPaths = Set(site.staticFiles.map(\.outputPath))
        self.quickPaths = QuickPaths(site: site)
    }

    static let forbiddenSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    func resolve(_ page: Page) -> PageLinks {
        var diagnostics: [Diagnostic] = []
        // Diagnostics whose column cmark gave in bytes: counted in characters at once at the end.
        var byteColumns: [Int] = []
        var anchorPages: Set<String> = []
        let sourceFolder = page.source.language.code + "/" + URLPath.folder(of: page.source.relativePath)
        let links = page.document.links.map { link -> ResolvedLink in
            switch resolve(link, on: page, sourceFolder: sourceFolder, anchorPages: &anchorPages) {
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

    /// `anchorPages` gets the URL of each other page whose headings an anchor was looked up in;
    /// `sourceFolder` is the content folder of the page's Markdown (`en/a/`).
    func resolve(_ link: LinkReference, on page: Page, sourceFolder: String,
                 anchorPages: inout Set<String>) -> Result<ResolvedLink, LinkProblem> {
        quickResolve(link, on: page, sourceFolder: sourceFolder, anchorPages: &anchorPages)
            ?? plainResolve(link, on: page, sourceFolder: sourceFolder, anchorPages: &anchorPages)
    }

    /// The rule, step by step on strings.
    func plainResolve(_ link: LinkReference, on page: Page, sourceFolder: String,
                      anchorPages: inout Set<String>) -> Result<ResolvedLink, LinkProblem> {
        let destination = String(link.destination.trimmingWhitespace)
        if let scheme = Self.scheme(of: destination) {
            return .success(Self.forbiddenSchemes.contains(scheme) ? .removed : .external(destination))
        }
        if destination.hasPrefix("//") { return .success(.external("https:" + destination)) }

        let (rawPath, query, fragment) = Self.parts(of: destination)
        let path = URLPath.decode(rawPath)
        if path.isEmpty {
            guard let fragment else { return .success(.local("./")) }
            return check(fragment: fragment, in: page).map { .local("#" + URLPath.encode($0, keepNonASCII: true)) }
        }
        let target: String
        var targetIndex: Int?
        if path.hasSuffix(".md") {
            let contentPath = path.hasPrefix("/") ? URLPath.normalize(String(path.dropFirst())) : URLPath.normalize(sourceFolder + path)
            guard let contentPath, let found = site.pageIndexBySource[contentPath] else {
                return .failure(.missingPage(path: path))
            }
            targetIndex = found
            target = site.pages[found].url
        } else if path.hasPrefix("/") {
            guard let found = locate(String(path.dropFirst())) else {
                return .failure(.missingPage(path: path))
            }
            (target, targetIndex) = found
        } else if let besideSource = URLPath.normalize(sourceFolder + path), staticPaths.contains(besideSource) {
            // Relative to the Markdown file first (an image beside it), then to the page's URL.
            target = besideSource
        } else if let fromPage = URLPath.normalize(page.url + path), let found = locate(fromPage) {
            (target, targetIndex) = found
        } else {
            return .failure(.missingPageOrFile(path: path))
        }
        var href = URLPath.encode(URLPath.relative(from: page.url, to: target)) + query
        if let fragment {
            if let targetIndex {
                let targetPage = site.pages[targetIndex]
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

    /// A link's path, its query (with the `?`) and its fragment (without the `#`): cut at the first
    /// `#`, and the rest at the first `?`.
    static func parts(of destination: String) -> (path: String, query: String, fragment: String?) {
        var destination = destination
        let (mark, hash) = destination.withUTF8 { bytes -> (Int?, Int?) in
            let hash = bytes.firstIndex(of: UInt8(ascii: "#"), from: 0)
            let beforeHash = UnsafeBufferPointer(rebasing: bytes[..<(hash ?? bytes.count)])
            return (beforeHash.firstIndex(of: UInt8(ascii: "?"), from: 0), hash)
        }
        guard mark != nil || hash != nil else { return (destination, "", nil) }
        let utf8 = destination.utf8
        // `?` and `#` are ASCII: the offsets are boundaries of characters.
        let hashIndex = hash.map { utf8.index(utf8.startIndex, offsetBy: $0) } ?? utf8.endIndex
        let markIndex = mark.map { utf8.index(utf8.startIndex, offsetBy: $0) } ?? hashIndex
        let fragment = hash.map { _ in String(destination[destination.index(after: hashIndex)...]) }
        return (String(destination[..<markIndex]), String(destination[markIndex..<hashIndex]), fragment)
    }

    /// An output path for a site-root path, trying it as a page folder and as a file, with the
    /// index of the page there, if it is a page's.
    private func locate(_ path: String) -> (url: String, pageIndex: Int?)? {
        guard let normalized = URLPath.normalize(path) else { return nil }
        if normalized.isEmpty { return find("index.html") }
        if let found = find(normalized) { return found }
        if !normalized.hasSuffix("/"), let found = find(normalized + "/") { return found }
        if normalized.hasSuffix("/index.html"), let found = find(String(normalized.dropLast(10))) { return found }
        return nil
    }

    private func find(_ path: String) -> (url: String, pageIndex: Int?)? {
        if let index = site.pageIndexByURL[path] { return (path, index) }
        return staticPaths.contains(path) || generated.isLinkTarget(path) ? (path, nil) : nil
    }

    func check(fragment: String, in page: Page) -> Result<String, LinkProblem> {
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
