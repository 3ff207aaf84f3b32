import Dispatch
import Foundation
import HashiSupport

/// The small HTTP server of `hashi serve`: files of the output folder on 127.0.0.1 only,
/// with the reload script added to HTML responses on the way out.
public final class DevServer: @unchecked Sendable {  // its mutable state is read and written under `lock`
    public enum Failure: Error, CustomStringConvertible {
        case cannotListen(UInt16, String)

        public var description: String {
            switch self {
            case let .cannotListen(port, reason): return "cannot serve on 127.0.0.1:\(port): \(reason)"
            }
        }
    }

    let root: String
    private let lock = NSLock()
    private var version = 0
    private var errors: [String] = []
    private var listener: Int32 = -1

    public init(root: String) {
        self.root = root
    }

    /// Tells open pages about a rebuild: they reload when it succeeded, or show its errors.
    public func update(errors: [String]) {
        lock.withLock {
            if errors.isEmpty { version += 1 }
            self.errors = errors
        }
    }

    /// Starts listening and answering on a background thread; returns the port (0 picks a free one).
    public func start(port: UInt16) throws(Failure) -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .cannotListen(port, String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .cannotListen(port, reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { if errno == EINTR { continue } else { break } }
                DispatchQueue.global().async { self.answer(client) }
            }
        }
        return UInt16(bigEndian: actual.sin_port)
    }

    private func answer(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 16_384, !request.ends(with: [13, 10, 13, 10]) {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            request += buffer[0..<count]
            if request.firstRange(of: [13, 10, 13, 10]) != nil { break }
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2, line[0] == "GET" || line[0] == "HEAD" else {
            return send(client, status: "405 Method Not Allowed", type: "text/plain", body: Array("only GET\n".utf8), head: false)
        }
        let (status, type, body) = respond(to: String(line[1]))
        send(client, status: status, type: type, body: body, head: line[0] == "HEAD")
    }

    /// Status, content type and body for a request path.
    func respond(to target: String) -> (String, String, [UInt8]) {
        let rawPath = String(target.prefix { $0 != "?" && $0 != "#" })
        if rawPath == ReloadScript.path { return ("200 OK", "text/javascript; charset=utf-8", Array(ReloadScript.source.utf8)) }
        if rawPath == ReloadScript.statePath {
            let state = lock.withLock { ReloadScript.state(version: version, errors: errors) }
            return ("200 OK", "text/javascript; charset=utf-8", Array(state.utf8))
        }
        guard let path = URLPath.normalize(URLPath.decode(String(rawPath.drop { $0 == "/" }))),
              !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
            return ("400 Bad Request", "text/plain", Array("bad path\n".utf8))
        }
        var file = root + "/" + path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            guard path.isEmpty || path.hasSuffix("/") else {
                return ("301 Moved Permanently\r\nLocation: /\(path)/", "text/plain", [])
            }
            file += (path.isEmpty ? "" : "/") + "index.html"
        }
        if let bytes = FileReader.bytes(atPath: file) {
            return ("200 OK", Self.type(of: file), file.hasSuffix(".html") ? Self.inject(bytes) : bytes)
        }
        let language = path.split(separator: "/").first.map(String.init) ?? ""
        let notFound = FileReader.bytes(atPath: root + "/" + language + "/404.html") ?? FileReader.bytes(atPath: root + "/404.html")
        return ("404 Not Found", "text/html; charset=utf-8", Self.inject(notFound ?? Array("<!DOCTYPE html><title>404</title>Not found\n".utf8)))
    }

    private func send(_ client: Int32, status: String, type: String, body: [UInt8], head: Bool) {
        let header = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        var out = Array(header.utf8)
        if !head { out += body }
        var offset = 0
        while offset < out.count {
            let written = out[offset...].withUnsafeBytes { Platform.write(client, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// The reload script, just before `</body>`.
    static func inject(_ html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        guard let range = html.lastRange(of: marker) else { return html + Array(ReloadScript.tag.utf8) }
        return Array(html[..<range.lowerBound]) + Array(ReloadScript.tag.utf8) + Array(html[range.lowerBound...])
    }

    static func type(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "txt": return "text/plain; charset=utf-8"
        case "zip": return "application/zip"
        default: return "application/octet-stream"
        }
    }
}

extension Array where Element: Equatable {
    func lastRange(of pattern: [Element]) -> Range<Int>? {
        guard pattern.count <= count else { return nil }
        for start in stride(from: count - pattern.count, through: 0, by: -1) where self[start..<start + pattern.count].elementsEqual(pattern) {
            return start..<start + pattern.count
        }
        return nil
    }

    func ends(with pattern: [Element]) -> Bool {
        count >= pattern.count && self[(count - pattern.count)...].elementsEqual(pattern)
    }
}
