import Foundation
import XCTest
@testable import HashiKit

/// `--headers netlify`: the `_headers` file as Netlify and Cloudflare Pages read it.
final class HostHeadersTests: XCTestCase {
    /// The headers a host sends for `path`: every block whose pattern matches it, values of one
    /// header from several blocks joined with ", " (what both hosts do).
    static func headers(for path: String, in file: String) -> [String: String] {
        var result: [String: String] = [:]
        var matches = false
        for line in file.split(separator: "\n") where !line.hasPrefix("#") {
            if !line.hasPrefix(" ") {
                let pattern = String(line)
                matches = pattern.hasSuffix("*") ? path.hasPrefix(pattern.dropLast()) : path == pattern
                continue
            }
            guard matches, let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            result[name] = result[name].map { $0 + ", " + value } ?? value
        }
        return result
    }

    func build(baseURL: String? = nil, headers: HostHeadersFormat?, into folder: TemporaryFolder) -> BuildResult {
        var options = BuildOptions(contentDirectory: Repository.content, templateDirectories: [Repository.templates],
                                   outputDirectory: folder.path + "/Output", baseURL: baseURL)
        options.headers = headers
        return Build(options: options).run()
    }

    func testEveryPageForbidsFramingExceptTheEmbeddableChannels() throws {
        let folder = try TemporaryFolder()
        XCTAssertTrue(build(headers: .netlify, into: folder).succeeded)
        let file = try XCTUnwrap(folder.read("Output/_headers"))
        let pages = folder.files(under: "Output").filter { $0.hasSuffix(".html") && !$0.hasPrefix(".hashi") }
        XCTAssertGreaterThan(pages.count, 20)
        var embeddable = 0
        for page in pages {
            let html = try XCTUnwrap(folder.read("Output/" + page))
            let meta = try XCTUnwrap(html.firstMatch(of: /http-equiv="Content-Security-Policy" content="([^"]*)"/)?.1, page)
            let addresses = page.hasSuffix("/index.html") || page == "index.html" ? ["/" + page.dropLast("index.html".count), "/" + page] : ["/" + page]
            for address in addresses {
                let sent = Self.headers(for: address, in: file)
                XCTAssertEqual(sent["X-Content-Type-Options"], "nosniff", address)
                XCTAssertEqual(sent["Referrer-Policy"], "no-referrer", address)
                XCTAssertTrue(sent["Permissions-Policy"]?.contains("camera=()") ?? false, address)
                XCTAssertTrue(sent["Permissions-Policy"]?.contains("geolocation=()") ?? false, address)
                let policy = try XCTUnwrap(sent["Content-Security-Policy"], address)
                if page.hasSuffix("channels-embed/index.html") {
                    embeddable += 1
                    XCTAssertFalse(policy.contains("frame-ancestors"), "\(address) may be framed: \(policy)")
                    XCTAssertEqual(policy, String(meta))
                } else {
                    XCTAssertEqual(policy, meta + "; frame-ancestors 'none'", "the header is the page's own policy, framing forbidden")
                }
            }
        }
        let embedPages = pages.filter { $0.hasSuffix("channels-embed/index.html") }
        XCTAssertTrue(embedPages.contains("ja/channels-embed/index.html") && embedPages.contains("en/channels-embed/index.html"))
        XCTAssertEqual(embeddable, 2 * embedPages.count, "every language's embeddable page, each by folder and file")
    }

    func testPathsFollowTheBaseURLAndTheFileGoesWithoutTheOption() throws {
        let folder = try TemporaryFolder()
        XCTAssertTrue(build(baseURL: "https://ngo.example/campaign/", headers: .netlify, into: folder).succeeded)
        let file = try XCTUnwrap(folder.read("Output/_headers"))
        XCTAssertTrue(Self.headers(for: "/campaign/en/about/", in: file)["Content-Security-Policy"]?.hasSuffix("frame-ancestors 'none'") ?? false)
        XCTAssertNil(Self.headers(for: "/en/about/", in: file)["Content-Security-Policy"])
        XCTAssertTrue(build(headers: nil, into: folder).succeeded)
        XCTAssertFalse(folder.exists("Output/_headers"), "a build without --headers leaves no stale file")
    }

    func testTheCommandLineTakesTheOption() throws {
        let site = try TemporaryFolder(["Content/site.yaml": bilingualSiteYAML, "Content/ja/_index.md": "---\ntitle: ホーム\n---\n",
                                        "Content/en/_index.md": "---\ntitle: Home\n---\n"])
        let check = try HashiProcess.run(["check", "--headers", "netlify", "--templates", Repository.templates], in: site.path)
        XCTAssertEqual(check.status, 0, check.stderr)
        let build = try HashiProcess.run(["build", "--headers", "netlify", "--templates", Repository.templates], in: site.path)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(site.read("Output/_headers")?.contains("\n/en/\n  Content-Security-Policy: ") ?? false)
        XCTAssertEqual(try HashiProcess.run(["build", "--headers", "apache"], in: site.path).status, 2)
    }
}
