import Foundation
import XCTest

/// `hashi serve` as an editor uses it: pages served with the reload script, rebuilt on a change,
/// errors shown while the last good site stays up.
final class ServeTests: XCTestCase {
    /// A plain HTTP GET over a socket to 127.0.0.1: status line and body.
    func get(_ port: UInt16, _ path: String) -> (status: String, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return ("no connection", "") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        return (parts.first?.components(separatedBy: "\r\n").first ?? "", parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Polls `condition` for up to 15 seconds.
    func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<60 {
            if condition() { return true }
            usleep(250_000)
        }
        return false
    }

    func testServeRebuildsOnChangeAndKeepsTheLastGoodSite() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: First title\n---\nHello.\n",
        ])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.hashi)
        process.arguments = ["serve", "--port", "0", "--content", folder.path + "/Content", "--templates", Repository.templates,
                             "--output", folder.path + "/Output"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }

        var announced = ""
        XCTAssertTrue(eventually {
            announced += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            return announced.contains("/ (Ctrl-C stops)")
        })
        let port = try XCTUnwrap(announced.components(separatedBy: "127.0.0.1:").last?.prefix { $0.isNumber }).flatMap { UInt16($0) }
        let served = get(try XCTUnwrap(port), "/en/")
        XCTAssertEqual(served.status, "HTTP/1.1 200 OK")
        XCTAssertTrue(served.body.contains("First title"))
        XCTAssertTrue(served.body.contains("<script src=\"/.hashi/reload.js\" defer></script>"), "serve adds the reload script")
        XCTAssertFalse(folder.read("Output/en/index.html")?.contains("reload.js") ?? true, "but never into the built files")
        XCTAssertEqual(get(port!, "/.hashi/state.js").body, "HashiReload.state(1,[]);\n")

        try folder.write(["Content/en/_index.md": "---\ntitle: Second title\n---\nHello.\n"])
        XCTAssertTrue(eventually { get(port!, "/en/").body.contains("Second title") }, "a change is rebuilt")
        XCTAssertEqual(get(port!, "/.hashi/state.js").body, "HashiReload.state(2,[]);\n")

        try folder.write(["Content/en/_index.md": "---\ntitle: Broken\n---\n[x](missing.md)\n"])
        XCTAssertTrue(eventually { get(port!, "/.hashi/state.js").body.contains("link to missing page 'missing.md'") },
                      "the error reaches the browser")
        XCTAssertTrue(get(port!, "/en/").body.contains("Second title"), "the last good site is still served")
        XCTAssertEqual(get(port!, "/en/nowhere/").status, "HTTP/1.1 404 Not Found")
    }
}
