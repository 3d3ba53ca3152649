import Foundation
public import HTTPServer

/// A Graph API (WhatsApp Cloud API) in memory that answers like the real one: bearer token checked, every
/// send validated (``GraphRequestValidator``) and answered with a wamid, refusals in Graph's error format,
/// and faults a test queues (130429, 131047, 131056, 5xx…).
public actor FakeGraphAPI {
    public nonisolated let accessToken: String
    public nonisolated let phoneNumberID: String
    public nonisolated let version: String
    let validator: GraphRequestValidator

    /// One accepted send.
    public struct Sent: Sendable {
        public var body: JSONValue
        /// The wamid answered, nil for a read receipt.
        public var messageID: String?
        /// The recipient (`to`), nil for a read receipt.
        public var to: String? { body["to"]?.stringValue }
        /// `text.body` or `interactive.body.text`.
        public var text: String? { body["text"]?["body"]?.stringValue ?? body["interactive"]?["body"]?["text"]?.stringValue }
        public var isReadReceipt: Bool { body["status"]?.stringValue == "read" }
    }

    /// A refusal the fake answers instead of accepting a send.
    public enum Fault: Sendable, Equatable {
        /// A Graph error object with this code (130429, 131047, 131056, 131026…), with its HTTP status.
        case graphError(code: Int, httpStatus: Int)
        /// A bare server error without a Graph body (a proxy in front of Meta failing).
        case serverError(Int)
    }

    public private(set) var sent: [Sent] = []
    /// Refused bodies with why (a spec violation or a queued fault).
    public private(set) var rejections: [(body: String, reason: String)] = []
    var faults: [String: [Fault]] = [:]
    var nextID = 1
    var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    public init(
        accessToken: String = "EAAG-test-token", phoneNumberID: String = "106540352242922", version: String = "v23.0",
        validator: GraphRequestValidator
    ) {
        self.accessToken = accessToken
        self.phoneNumberID = phoneNumberID
        self.version = version
        self.validator = validator
    }

    /// Makes the next sends to `recipient` fail with `faults`, in order.
    public func fail(_ recipient: String, with faults: [Fault]) { self.faults[recipient, default: []] += faults }

    /// Sends (not read receipts) accepted so far.
    public var messages: [Sent] { sent.filter { !$0.isReadReceipt } }

    /// Returns once at least `count` sends (read receipts included) were accepted.
    public func waitForSent(_ count: Int) async {
        if sent.count >= count { return }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }

    /// Answers one HTTP request.
    public func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard request.headers["authorization"] == "Bearer \(accessToken)" else {
            return Self.error(code: 190, status: 401, "Invalid OAuth access token - Cannot parse access token")
        }
        guard request.method == "POST", request.path == "/\(version)/\(phoneNumberID)/messages" else {
            return Self.error(code: 100, status: 400, "Unsupported request: \(request.method) \(request.path)")
        }
        let problems = validator.violations(request.body)
        guard problems.isEmpty else {
            rejections.append((String(decoding: request.body, as: UTF8.self), problems.joined(separator: "; ")))
            return Self.error(code: 100, status: 400, "(#100) Invalid parameter: " + problems.joined(separator: "; "))
        }
        guard let body = try? JSONValue(parsing: request.body) else { return Self.error(code: 100, status: 400, "bad JSON") }
        if let to = body["to"]?.stringValue, var queue = faults[to], !queue.isEmpty {
            let fault = queue.removeFirst()
            faults[to] = queue
            rejections.append((String(decoding: request.body, as: UTF8.self), "\(fault)"))
            switch fault {
            case .graphError(let code, let status): return Self.error(code: code, status: status, Self.title(code))
            case .serverError(let status): return HTTPResponse(status: status, body: Data("upstream failed".utf8))
            }
        }
        if body["status"]?.stringValue == "read" {
            accept(Sent(body: body, messageID: nil))
            return .json(Data(#"{"success":true}"#.utf8))
        }
        let id = "wamid.fake\(nextID)"
        nextID += 1
        accept(Sent(body: body, messageID: id))
        let to = body["to"]?.stringValue ?? ""
        return .json(
            Data(
                #"{"messaging_product":"whatsapp","contacts":[{"input":"\#(to)","wa_id":"\#(to)"}],"messages":[{"id":"\#(id)"}]}"#
                    .utf8))
    }

    private func accept(_ item: Sent) {
        sent.append(item)
        let count = sent.count
        let ready = waiters.filter { $0.count <= count }
        waiters.removeAll { $0.count <= count }
        for waiter in ready { waiter.continuation.resume() }
    }

    static func title(_ code: Int) -> String {
        switch code {
        case 130429: "Rate limit hit"
        case 131056: "(Business Account, Consumer Account) pair rate limit hit"
        case 131047: "Re-engagement message"
        case 131026: "Message undeliverable"
        default: "Error \(code)"
        }
    }

    static func error(code: Int, status: Int, _ message: String) -> HTTPResponse {
        let body =
            #"{"error":{"message":"\#(message.replacingOccurrences(of: "\"", with: "'"))","type":"OAuthException","code":\#(code),"error_data":{"messaging_product":"whatsapp","details":"\#(message.replacingOccurrences(of: "\"", with: "'"))"},"fbtrace_id":"Afake"}}"#
        return .json(Data(body.utf8), status: status)
    }
}

/// The fake Graph API over real HTTP on 127.0.0.1, so the bot talks to it through libcurl as to
/// graph.facebook.com.
public final class FakeGraphHTTPServer: Sendable {
    public let fake: FakeGraphAPI
    let server: HTTPServer

    public init(fake: FakeGraphAPI) {
        self.fake = fake
        server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: 8 << 20, maxConnections: 1024),
            handler: { await fake.respond($0) })
    }

    public func start() throws { try server.start() }
    public func stop() { server.stop() }

    /// The base URL to give the bot as `GRAPH_API_BASE_URL`.
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }
}
