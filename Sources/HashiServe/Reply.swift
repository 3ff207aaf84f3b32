/// What the server answers to one request, before it meets the socket: a status, headers
/// made only from fixed text and numbers, and the body.
struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// The reload events of `/.hashi/events`, sent as they come instead of `body`.
    var isEventStream = false

    init(_ status: Int, _ headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func text(_ status: Int, _ message: String, extra: [(String, String)] = []) -> Reply {
        Reply(status, [("Content-Type", "text/plain; charset=utf-8")] + extra, body: Array((message + "\n").utf8))
    }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
