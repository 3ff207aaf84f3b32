import FlyingFox
import FlyingSocks
import Foundation
import HashiSupport

/// The HTTP server of `hashi serve`, on FlyingFox: it answers from the site in memory, pushes
/// each new state to the open pages as Server-Sent Events, and keeps the last good site while a
/// rebuild fails.
public final class DevServer: @unchecked Sendable {  // its mutable state is read and written under `lock`
    public enum Failure: Error, CustomStringConvertible {
        case cannotListen(String, String)

        public var description: String {
            switch self {
            case let .cannotListen(address, reason): return "cannot serve on \(address): \(reason)"
            }
        }
    }

    private let lock = NSLock()
    private var site = ServedSite()
    private var version = 0
    private var errors: [String] = []
    private var listeners: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextListener = 0
    private var responder = SiteResponder(allowedHosts: [])
    private var server: HTTPServer?

    public init() {}

    /// A new state: a new site (the open pages reload), or with `site` nil the errors of a build
    /// that failed (the pages show them over the last good site), or none after one that made the same site.
    public func update(site newSite: ServedSite?, errors: [String]) {
        let (event, waiting) = lock.withLock {
            if var newSite {
                version += 1
                newSite.version = version
                site = newSite
            }
            self.errors = errors
            return (ReloadScript.event(version: version, errors: errors), Array(listeners.values))
        }
        for listener in waiting { listener.yield(event) }
    }

    /// The site being served now.
    public var current: ServedSite { lock.withLock { site } }

    /// Open reload streams, for tests and the log.
    public var listenerCount: Int { lock.withLock { listeners.count } }

    /// Starts listening and answering in the background; returns the port (0 picks a free one).
    public func start(bind: String = "127.0.0.1", port: UInt16) throws(Failure) -> UInt16 {
        let display = bind.contains(":") ? "[\(bind)]:\(port)" : "\(bind):\(port)"
        let address: any SocketAddress
        do {
            address = bind.contains(":") ? try sockaddr_in6.inet6(ip6: bind, port: port) : try sockaddr_in.inet(ip4: bind, port: port)
        } catch {
            throw .cannotListen(display, "not an IP address")
        }
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: Handler(server: self))
        let result = Self.waitFor { () async -> Result<UInt16, Failure> in
            let running = Task { try await server.run() }
            do {
                try await server.waitUntilListening(timeout: 5)
            } catch {
                let reason = (try? await running.value).map { "stopped" } ?? "\(error)"
                return .failure(.cannotListen(display, reason))
            }
            switch await server.listeningAddress {
            case let .ip4(_, actual)?, let .ip6(_, actual)?: return .success(actual)
            default: return .failure(.cannotListen(display, "no address"))
            }
        }
        let actual = try result.get()
        lock.withLock {
            self.server = server
            responder = SiteResponder(allowedHosts: SiteResponder.allowedHosts(bind: bind, port: actual))
        }
        return actual
    }

    private struct Handler: HTTPHandler {
        let server: DevServer
        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse { server.respond(to: request) }
    }

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        let (responder, site) = lock.withLock { (self.responder, self.site) }
        let reply = responder.reply(
            to: .init(method: request.method.rawValue, target: request.target.rawValue, host: request.headers[.host],
                      range: request.headers[.range], fetchSite: request.headers[HTTPHeader("Sec-Fetch-Site")]),
            site: site)
        var headers = HTTPHeaders()
        for (name, value) in reply.headers { headers.addValue(value, for: HTTPHeader(name)) }
        let status = HTTPStatusCode(reply.status, phrase: Self.phrases[reply.status] ?? "Status")
        guard reply.isEventStream else {
            return HTTPResponse(statusCode: status, headers: headers, body: Data(reply.body))
        }
        return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: EventBytes(events: subscribe())))
    }

    /// A stream of reload events that starts with the current state and ends when the page goes.
    private func subscribe() -> AsyncStream<[UInt8]> {
        AsyncStream(bufferingPolicy: .bufferingNewest(4)) { continuation in
            let id = lock.withLock {
                nextListener += 1
                listeners[nextListener] = continuation
                continuation.yield(ReloadScript.event(version: version, errors: errors))
                return nextListener
            }
            continuation.onTermination = { [weak self] _ in
                self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
            }
        }
    }

    static let phrases = [200: "OK", 206: "Partial Content", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden",
                          404: "Not Found", 405: "Method Not Allowed", 416: "Range Not Satisfiable", 421: "Misdirected Request"]

    /// Runs async work to its end from synchronous code (the command line's thread).
    static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: T?  // written once by the task before `done` is signalled, read after
        Task {
            result = await work()
            done.signal()
        }
        done.wait()
        return result!
    }
}
