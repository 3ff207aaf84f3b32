import Foundation
import HashiServe
import XCTest

/// The dev server under the load a busy or hostile browser makes: idle sockets, many requests at
/// once, clients that hang up mid-response; reloads must keep reaching the open pages.
final class ServerLoadTests: XCTestCase {
    /// Reads the reload events of one open stream until `condition` holds, for up to 10 seconds.
    func readEvents(_ fd: Int32, until condition: (String) -> Bool) -> String {
        var seen = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !condition(seen) {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            seen += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return seen
    }

    func openEvents(_ port: UInt16) -> Int32 {
        let fd = HTTPProbe.connect(port)
        HTTPProbe.send(fd, "GET /.hashi/events HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
        return fd
    }

    func testANewStateReachesTheOpenPageAtOnce() throws {
        let server = DevServer()
        server.update(site: ServedSite(files: ["index.html": Array("<body>one</body>".utf8)]), errors: [])
        let port = try server.start(port: 0)
        let events = openEvents(port)
        defer { close(events) }
        XCTAssertTrue(readEvents(events) { $0.contains("{\"version\":1,\"errors\":[]}") }.contains("text/event-stream"))

        let started = Date()
        server.update(site: ServedSite(files: ["index.html": Array("<body>two</body>".utf8)]), errors: [])
        XCTAssertTrue(readEvents(events) { $0.contains("\"version\":2") }.contains("\"version\":2"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "pushed, not polled")
        XCTAssertTrue(HTTPProbe.request(port, "/").text.contains("two"))

        server.update(site: nil, errors: ["Content/en/a.md:1:1: error: broken"])
        XCTAssertTrue(readEvents(events) { $0.contains("broken") }.contains("{\"version\":2,\"errors\":[\"Content/en/a.md:1:1: error: broken\"]}"))
        XCTAssertTrue(HTTPProbe.request(port, "/").text.contains("two"), "the last good site is still served")
    }

    func testItSurvivesIdleSocketsManyRequestsAndClientsThatHangUp() throws {
        let server = DevServer()
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000)
        server.update(site: ServedSite(files: ["index.html": Array("<body>one</body>".utf8), "big.txt": big]), errors: [])
        let port = try server.start(port: 0)
        let events = openEvents(port)
        defer { close(events) }
        _ = readEvents(events) { $0.contains("\"version\":1") }

        // 200 idle connections, some with half a request, held open throughout.
        var idle: [Int32] = []
        for index in 0..<200 {
            let fd = HTTPProbe.connect(port)
            if index % 2 == 0 { HTTPProbe.send(fd, "GET / HTTP/1.1\r\nHost: loc") }
            idle.append(fd)
        }
        defer { idle.forEach { close($0) } }
        let started = Date()
        XCTAssertEqual(HTTPProbe.request(port, "/").status, 200)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "idle sockets do not delay a request")

        // 30 clients that hang up after the first bytes of a 3 MB answer.
        for _ in 0..<30 {
            let fd = HTTPProbe.connect(port)
            HTTPProbe.send(fd, "GET /big.txt HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            var buffer = [UInt8](repeating: 0, count: 1024)
            _ = read(fd, &buffer, buffer.count)
            close(fd)
        }

        // 500 requests at once.
        let statuses = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: 500) { _ in
            statuses.add(HTTPProbe.request(port, "/").status)
        }
        XCTAssertEqual(statuses.counts, [200: 500])

        server.update(site: ServedSite(files: ["index.html": Array("<body>two</body>".utf8)]), errors: [])
        XCTAssertTrue(readEvents(events) { $0.contains("\"version\":2") }.contains("\"version\":2"), "reloads still reach the page")
        XCTAssertTrue(HTTPProbe.request(port, "/").text.contains("two"))
    }
}

/// Statuses counted from many threads.
final class ConcurrentCounter: @unchecked Sendable {  // `counts` is read and written under `lock`
    private let lock = NSLock()
    private(set) var counts: [Int: Int] = [:]

    func add(_ status: Int) {
        lock.withLock { counts[status, default: 0] += 1 }
    }
}
