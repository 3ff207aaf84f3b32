import Foundation
import XCTest

/// `hashi serve` as an editor uses it: pages served from memory with the reload script, rebuilt
/// on a change, errors shown while the last good site stays up, `Output/` written only when asked.
final class ServeTests: XCTestCase {
    /// A running `hashi serve` on a free port, and what it has printed so far.
    final class Serve {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()
        var printed = ""
        var port: UInt16 = 0

        init(_ folder: TemporaryFolder, _ extra: [String] = []) throws {
            process.executableURL = URL(fileURLWithPath: Repository.hashi)
            process.arguments = ["serve", "--port", "0", "--content", folder.path + "/Content", "--templates", Repository.templates,
                                 "--output", folder.path + "/Output"] + extra
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            guard eventually({ self.read().contains("(Ctrl-C stops") }) else { throw CocoaError(.fileReadUnknown) }
            port = printed.components(separatedBy: ":").compactMap { UInt16($0.prefix { $0.isNumber }) }.first { $0 > 0 } ?? 0
        }

        @discardableResult
        func read() -> String {
            printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            return printed
        }

        func stop() {
            if process.isRunning { process.interrupt() }
            process.waitUntilExit()
        }

        deinit { if process.isRunning { process.terminate() } }
    }

    func testServeRebuildsFromMemoryAndKeepsTheLastGoodSite() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: First title\n---\nHello.\n",
        ])
        let serve = try Serve(folder)
        defer { serve.stop() }
        XCTAssertTrue(serve.printed.contains("watching with inotify"), serve.printed)
        let port = serve.port
        let served = HTTPProbe.request(port, "/en/")
        XCTAssertEqual(served.status, 200)
        XCTAssertTrue(served.text.contains("First title"))
        XCTAssertTrue(served.text.contains("<script src=\"/.hashi/reload.js?v=1\" defer></script>"), "serve adds the reload script")
        XCTAssertFalse(folder.exists("Output"), "serve answers from memory and writes nothing until asked")

        try folder.write(["Content/en/_index.md": "---\ntitle: Second title\n---\nHello.\n"])
        XCTAssertTrue(eventually { HTTPProbe.request(port, "/en/").text.contains("Second title") }, "a change is rebuilt")

        try folder.write(["Content/en/_index.md": "---\ntitle: Broken\n---\n[x](missing.md)\n"])
        let fd = HTTPProbe.connect(port)
        defer { close(fd) }
        HTTPProbe.send(fd, "GET /.hashi/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        var stream = ""
        XCTAssertTrue(eventually {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(fd, &buffer, buffer.count)
            if count > 0 { stream += String(decoding: buffer[0..<count], as: UTF8.self) }
            return stream.contains("link to missing page 'missing.md'")
        }, "the error reaches the browser: \(stream)")
        XCTAssertTrue(HTTPProbe.request(port, "/en/").text.contains("Second title"), "the last good site is still served")
        XCTAssertEqual(HTTPProbe.request(port, "/en/nowhere/").status, 404)

        serve.stop()
        XCTAssertEqual(serve.process.terminationStatus, 0)
        XCTAssertTrue(folder.read("Output/en/index.html")?.contains("Second title") ?? false, "Ctrl-C writes the last good site")
        XCTAssertFalse(folder.read("Output/en/index.html")?.contains("reload.js") ?? true, "but never the reload script")
    }

    func testAFirstBuildThatFailsLeavesTheOutputFolderAsItWas() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: Broken\n---\n[x](missing.md)\n",
            "Output/.hashi/marker": "made by hashi\n",
            "Output/index.html": "the site of yesterday",
        ])
        let serve = try Serve(folder)
        XCTAssertEqual(HTTPProbe.request(serve.port, "/en/").status, 404, "nothing built, nothing served")
        serve.stop()
        XCTAssertEqual(serve.process.terminationStatus, 0)
        XCTAssertEqual(folder.read("Output/index.html"), "the site of yesterday")
        XCTAssertTrue(serve.read().contains("no build succeeded"))
    }

    func testWriteAndBindOptions() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.hashi), "build the hashi product first")
        let folder = try TemporaryFolder([
            "Content/site.yaml": "languages:\n  - code: en\n    name: English\n    title: T\n",
            "Content/en/_index.md": "---\ntitle: First title\n---\nHello.\n",
        ])
        let serve = try Serve(folder, ["--write", "--bind", "127.0.0.2", "--poll"])
        defer { serve.stop() }
        XCTAssertTrue(serve.printed.contains("http://127.0.0.2:"), serve.printed)
        XCTAssertTrue(serve.printed.contains("watching with polling"), "the fallback says so")
        XCTAssertTrue(String(decoding: serve.errors.fileHandleForReading.availableData, as: UTF8.self).contains("warning: serving on 127.0.0.2 instead of 127.0.0.1"))
        XCTAssertTrue(folder.read("Output/en/index.html")?.contains("First title") ?? false, "--write writes each good build")
        try folder.write(["Content/en/_index.md": "---\ntitle: Second title\n---\nHello.\n"])
        XCTAssertTrue(eventually { folder.read("Output/en/index.html")?.contains("Second title") ?? false })
    }
}

/// Polls `condition` for up to 15 seconds.
func eventually(_ condition: () -> Bool) -> Bool {
    for _ in 0..<300 {
        if condition() { return true }
        usleep(50_000)
    }
    return false
}
