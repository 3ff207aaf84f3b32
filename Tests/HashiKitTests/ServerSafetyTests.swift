import Foundation
import HashiServe
import XCTest

/// The dev server as a hostile page or client would try it: every safety point of `hashi serve`,
/// each against a real server on 127.0.0.1.
final class ServerSafetyTests: XCTestCase {
    static let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\"></head><body>Hello</body></html>"

    /// A server on a free port answering a small site from memory.
    func serve(_ files: [String: [UInt8]] = [:]) throws -> (DevServer, UInt16) {
        let server = DevServer()
        var site = ["index.html": Array(Self.page.utf8), "en/index.html": Array(Self.page.utf8),
                    "en/404.html": Array("<html><body>Not here</body></html>".utf8),
                    "assets/site.css": Array("body { color: black }".utf8), ".hashi/cache": Array("secret".utf8)]
        site.merge(files) { $1 }
        server.update(site: ServedSite(files: site), errors: [])
        return (server, try server.start(port: 0))
    }

    func testItListensOnTheLoopbackAddressOnlyByDefault() throws {
        let (_, port) = try serve()
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let hex = String(format: "%04X", port)
        let listening = table.split(separator: "\n").filter { $0.contains(":\(hex) ") && $0.contains(" 0A ") }
        XCTAssertFalse(listening.isEmpty)
        XCTAssertTrue(listening.allSatisfy { $0.contains("0100007F:\(hex)") }, "bound to 127.0.0.1, not to every address: \(listening)")
    }

    func testItAnswersOnlyToItsOwnHostNames() throws {
        let (_, port) = try serve()
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            XCTAssertEqual(HTTPProbe.request(port, "/en/", host: host).status, 200, host)
        }
        let rebound = HTTPProbe.request(port, "/.hashi/events", host: "evil.example:\(port)")
        XCTAssertEqual(rebound.status, 421, "DNS rebinding: a page of another name reads nothing")
        XCTAssertFalse(rebound.text.contains("version"))
        XCTAssertEqual(HTTPProbe.request(port, "/en/", host: "evil.example").status, 421)
        XCTAssertEqual(HTTPProbe.request(port, "/en/", host: "127.0.0.1:1").status, 421, "another port is another origin")
        XCTAssertEqual(HTTPProbe.request(port, "/en/", host: nil).status, 400)
    }

    func testItNeverServesOutsideTheSite() throws {
        let outside = try TemporaryFolder(["secret.txt": "do not serve"])
        let (_, port) = try serve()
        let attempts = ["/../secret.txt", "/en/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                        "/en/%2e%2e%2f%2e%2e%2fetc/passwd", "/assets/site.css%00.html", "/en/%00", "/..%5c..%5csecret.txt",
                        "/.hashi/cache", "/%2ehashi/cache", outside.path + "/secret.txt", "/./index.html"]
        for target in attempts {
            let answer = HTTPProbe.request(port, target)
            XCTAssertTrue([400, 404].contains(answer.status), "\(target): \(answer.status)")
            XCTAssertFalse(answer.text.contains("secret") || answer.text.contains("do not serve") || answer.text.contains("/tmp"), target)
        }
        // A symbolic link left in the output folder is not served: the server answers from memory only.
        try FileManager.default.createSymbolicLink(atPath: outside.path + "/link.txt", withDestinationPath: "/etc/passwd")
        XCTAssertEqual(HTTPProbe.request(port, "/link.txt").status, 404)
    }

    func testHeadAndRange() throws {
        let big = [UInt8]((0..<1000).map { UInt8($0 % 251) })
        let (_, port) = try serve(["data/big.bin": big])
        let head = HTTPProbe.request(port, "/data/big.bin", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Length"), "1000")
        XCTAssertEqual(head.body, [], "HEAD has no body")
        XCTAssertEqual(HTTPProbe.request(port, "/en/", method: "HEAD").header("Content-Length"), String(HTTPProbe.request(port, "/en/").body.count))

        let part = HTTPProbe.request(port, "/data/big.bin", headers: ["Range: bytes=10-19"])
        XCTAssertEqual(part.status, 206)
        XCTAssertEqual(part.header("Content-Range"), "bytes 10-19/1000")
        XCTAssertEqual(part.body, Array(big[10..<20]))
        XCTAssertEqual(HTTPProbe.request(port, "/data/big.bin", headers: ["Range: bytes=-5"]).body, Array(big[995...]))
        XCTAssertEqual(HTTPProbe.request(port, "/data/big.bin", headers: ["Range: bytes=990-"]).body, Array(big[990...]))
        XCTAssertEqual(HTTPProbe.request(port, "/data/big.bin", headers: ["Range: bytes=995-5000"]).header("Content-Range"), "bytes 995-999/1000")
        let refused = HTTPProbe.request(port, "/data/big.bin", headers: ["Range: bytes=1000-"])
        XCTAssertEqual(refused.status, 416)
        XCTAssertEqual(refused.header("Content-Range"), "bytes */1000")
        let headPart = HTTPProbe.request(port, "/data/big.bin", method: "HEAD", headers: ["Range: bytes=0-9"])
        XCTAssertEqual(headPart.status, 206)
        XCTAssertEqual(headPart.header("Content-Length"), "10")
        XCTAssertEqual(HTTPProbe.request(port, "/data/big.bin", headers: ["Range: bytes=0-1,5-6"]).status, 200, "several ranges: the whole file")
    }

    func testEveryKindOfFileHasItsContentType() throws {
        let kinds = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
                     "mjs": "text/javascript; charset=utf-8", "json": "application/json", "xml": "application/xml",
                     "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
                     "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon",
                     "pdf": "application/pdf", "mp4": "video/mp4", "webmanifest": "application/manifest+json",
                     "woff2": "font/woff2", "woff": "font/woff", "zip": "application/zip", "unknown": "application/octet-stream"]
        let (_, port) = try serve(Dictionary(uniqueKeysWithValues: kinds.keys.map { ("files/a.\($0)", Array("x".utf8)) }))
        for (kind, type) in kinds {
            let answer = HTTPProbe.request(port, "/files/a.\(kind)")
            XCTAssertEqual(answer.header("Content-Type"), type, kind)
            XCTAssertEqual(answer.header("X-Content-Type-Options"), "nosniff", kind)
        }
        XCTAssertNotEqual(HTTPProbe.request(port, "/assets/site.css%00.html").header("Content-Type"), "text/html; charset=utf-8")
    }

    func testOtherMethodsAre405WithAllow() throws {
        let (_, port) = try serve()
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
            let answer = HTTPProbe.request(port, "/en/", method: method)
            XCTAssertEqual(answer.status, 405, method)
            XCTAssertEqual(answer.header("Allow"), "GET, HEAD", method)
        }
    }

    func testNoHeaderIsMadeFromAFileName() throws {
        let (_, port) = try serve(["a b\r\nSet-Cookie: x=1/index.html": Array(Self.page.utf8), "folder x/index.html": Array(Self.page.utf8)])
        let injected = HTTPProbe.request(port, "/a%20b%0D%0ASet-Cookie:%20x=1")
        XCTAssertEqual(injected.status, 400)
        XCTAssertNil(injected.header("Set-Cookie"))
        let redirect = HTTPProbe.request(port, "/folder%20x")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.header("Location"), "/folder%20x/")
        XCTAssertEqual(HTTPProbe.request(port, "/folder%20x/").status, 200)
    }

    func testPagesGetTheReloadScriptAndMayOpenTheEventStream() throws {
        let (_, port) = try serve()
        let page = HTTPProbe.request(port, "/en/").text
        XCTAssertTrue(page.contains("<script src=\"/.hashi/reload.js?v=1\" defer></script></body>"))
        XCTAssertTrue(page.contains("content=\"connect-src 'self'; default-src 'none'"), page)
        XCTAssertEqual(HTTPProbe.request(port, "/en/missing/").text.contains("Not here"), true, "the language's 404 page")
        XCTAssertEqual(HTTPProbe.request(port, "/.hashi/events", headers: ["Sec-Fetch-Site: cross-site"]).status, 403)
    }
}
