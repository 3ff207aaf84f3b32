import Foundation

/// A client as plain as a hostile one: raw bytes to 127.0.0.1 over a socket, the answer read
/// back as it came, so tests can send what no browser would.
enum HTTPProbe {
    struct Answer {
        var status: Int
        var head: String
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            for line in head.components(separatedBy: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() { return parts[1].trimmingCharacters(in: .whitespaces) }
            }
            return nil
        }
    }

    /// A connected socket to 127.0.0.1:`port`, or -1.
    static func connect(_ port: UInt16) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close(fd); return -1 }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// One request with `Connection: close`; `host` nil sends no Host header.
    static func request(_ port: UInt16, _ target: String, method: String = "GET", host: String? = "default",
                        headers: [String] = []) -> Answer {
        let fd = connect(port)
        guard fd >= 0 else { return Answer(status: 0, head: "no connection", body: []) }
        defer { close(fd) }
        let hostLine = host.map { "Host: \($0 == "default" ? "127.0.0.1:\(port)" : $0)\r\n" } ?? ""
        send(fd, "\(method) \(target) HTTP/1.1\r\n\(hostLine)\(headers.map { $0 + "\r\n" }.joined())Connection: close\r\n\r\n")
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        guard let end = response.firstRange(of: Array("\r\n\r\n".utf8)) else {
            return Answer(status: 0, head: String(decoding: response, as: UTF8.self), body: [])
        }
        let head = String(decoding: response[..<end.lowerBound], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Answer(status: status, head: head, body: Array(response[end.upperBound...]))
    }
}
