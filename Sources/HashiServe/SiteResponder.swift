import HashiSupport

/// Answers one request from the site in memory. It never opens a file, so nothing outside the
/// built site can be reached; it checks the Host (DNS rebinding) and the method first, and builds
/// no header from a request's path or a file's name.
struct SiteResponder: Sendable {
    /// The request line and the headers the answer depends on.
    struct Request: Sendable {
        var method: String
        /// The path as sent, still percent-encoded, with any query.
        var target: String
        var host: String?
        var range: String? = nil
        /// `Sec-Fetch-Site`, which browsers send: a page of another site may not read the build's errors.
        var fetchSite: String? = nil
    }

    /// `host:port` forms a browser sends when it reached this server by one of its own names.
    let allowedHosts: Set<String>

    static func allowedHosts(bind: String, port: UInt16) -> Set<String> {
        let bound = bind.contains(":") ? "[\(bind)]" : bind
        return Set(["127.0.0.1", "localhost", "[::1]", bound].map { "\($0):\(port)".lowercased() })
    }

    func reply(to request: Request, site: ServedSite) -> Reply {
        guard let host = request.host?.lowercased() else { return .text(400, "no Host header") }
        guard allowedHosts.contains(host) else {
            return .text(421, "this server answers only to \(allowedHosts.sorted().joined(separator: ", "))".filter { $0 != "\r" && $0 != "\n" })
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(405, "only GET and HEAD", extra: [("Allow", "GET, HEAD")])
        }
        var reply = answer(request, site: site)
        reply.headers += [("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
        if !reply.isEventStream, reply.status < 300 {
            reply = Self.slice(reply, range: request.range)
        }
        if request.method == "HEAD" {
            reply.headers.append(("Content-Length", String(reply.body.count)))
            reply.body = []
            reply.isEventStream = false
        }
        return reply
    }

    private func answer(_ request: Request, site: ServedSite) -> Reply {
        let path = String(request.target.prefix { $0 != "?" && $0 != "#" })
        switch path {
        case ReloadScript.path:
            return Reply(200, [("Content-Type", "text/javascript; charset=utf-8")], body: Array(ReloadScript.source.utf8))
        case ReloadScript.eventsPath:
            if let site = request.fetchSite, site != "same-origin", site != "none" { return .text(403, "not for other sites") }
            var reply = Reply(200, [("Content-Type", "text/event-stream; charset=utf-8")])
            reply.isEventStream = true
            return reply
        default:
            break
        }
        switch Self.resolve(path, in: site) {
        case .bad:
            return .text(400, "bad path")
        case .redirect(let location):
            return Reply(301, [("Location", location), ("Content-Type", "text/plain; charset=utf-8")], body: Array("moved\n".utf8))
        case .file(let name):
            let bytes = site.files[name] ?? []
            let body = name.hasSuffix(".html") ? ReloadScript.inject(bytes, version: site.version) : bytes
            return Reply(200, [("Content-Type", ContentType.of(name)), ("Accept-Ranges", "bytes")], body: body)
        case .missing:
            let language = path.split(separator: "/").first.map(String.init) ?? ""
            let page = site.files[language + "/404.html"] ?? site.files["404.html"]
                ?? Array("<!DOCTYPE html><title>404</title><body>Not found</body>\n".utf8)
            return Reply(404, [("Content-Type", "text/html; charset=utf-8")], body: ReloadScript.inject(page, version: site.version))
        }
    }

    enum Resolution: Equatable {
        case file(String), redirect(String), missing, bad
    }

    /// The file of the site a request path names. `..`, `.`, NUL, control bytes and backslashes,
    /// sent plain or percent-encoded, are a bad request; names starting with `.` (hashi's own
    /// state) are not served.
    static func resolve(_ path: String, in site: ServedSite) -> Resolution {
        guard path.hasPrefix("/"), !path.utf8.contains(where: { $0 < 0x21 || $0 == 0x7F }) else { return .bad }
        let decoded = URLPath.decode(String(path.dropFirst()))
        guard !decoded.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return .bad }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." || $0 == "." }) { return .bad }
        if parts.contains(where: { $0.hasPrefix(".") }) { return .missing }
        if decoded.isEmpty || decoded.hasSuffix("/") {
            let index = decoded + "index.html"
            return site.files[index] != nil ? .file(index) : .missing
        }
        if site.files[decoded] != nil { return .file(decoded) }
        // Encoded as links are, so no control byte of a name reaches the Location header.
        if site.files[decoded + "/index.html"] != nil { return .redirect("/" + URLPath.encode(decoded) + "/") }
        return .missing
    }

    /// The part of a 200 reply a `Range` header asks for: 206 with `Content-Range`, or 416.
    static func slice(_ reply: Reply, range: String?) -> Reply {
        var reply = reply
        let length = reply.body.count
        switch ByteRange(header: range, length: length) {
        case .whole:
            return reply
        case .part(let part):
            reply.status = 206
            reply.headers.append(("Content-Range", "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(length)"))
            reply.body = Array(reply.body[part])
            return reply
        case .unsatisfiable:
            var refused = Reply.text(416, "range not satisfiable", extra: [("Content-Range", "bytes */\(length)")])
            refused.headers += reply.headers.filter { $0.0 == "Cache-Control" || $0.0 == "X-Content-Type-Options" }
            return refused
        }
    }
}
