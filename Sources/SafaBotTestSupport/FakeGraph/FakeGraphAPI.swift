public import Foundation
import Hashing
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
    /// Files by media id: those users "sent" (``addMedia(id:bytes:mimeType:)``) and those the bot uploaded.
    var media: [String: (bytes: Data, mimeType: String)] = [:]
    /// Media ids whose next download URL has expired by the time it is fetched.
    var expiring: Set<String> = []
    var urlNumber = 0
    /// Every file the bot uploaded, in order.
    public private(set) var uploads: [FakeMultipartPart] = []
    /// Media downloads served (URL fetches answered with bytes).
    public private(set) var downloads = 0

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

    /// Makes `bytes` available as media `id` (a file a user sent); returns its SHA-256 in base64, as webhooks
    /// carry it.
    @discardableResult
    public func addMedia(id: String, bytes: Data, mimeType: String) -> String {
        media[id] = (bytes, mimeType)
        return Data(Hashing.sha256(bytes)).base64EncodedString()
    }

    /// The next download URL given for `id` will have expired when fetched (Meta's URLs live 5 minutes).
    public func expireNextURL(of id: String) { expiring.insert(id) }

    /// Sends (not read receipts) accepted so far.
    public var messages: [Sent] { sent.filter { !$0.isReadReceipt } }

    /// Returns once at least `count` sends (read receipts included) were accepted.
    public func waitForSent(_ count: Int) async {
        if sent.count >= count { return }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }

    /// The recipients of sends from `index` on (nil for read receipts), waiting for at least one when there
    /// are none yet; and the index to ask from next. ``wake()`` ends a wait early (with nothing).
    public func nextRecipients(since index: Int) async -> (recipients: [String?], next: Int) {
        if sent.count <= index {
            await withCheckedContinuation { waiters.append((index + 1, $0)) }
        }
        let from = min(index, sent.count)
        return (sent[from...].map(\.to), sent.count)
    }

    /// Ends every wait in ``nextRecipients(since:)`` and ``waitForSent(_:)`` (a driver's watchdog tick).
    public func wake() {
        let all = waiters
        waiters = []
        for waiter in all { waiter.continuation.resume() }
    }

    /// Answers one HTTP request.
    public func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard request.headers["authorization"] == "Bearer \(accessToken)" else {
            return Self.error(code: 190, status: 401, "Invalid OAuth access token - Cannot parse access token")
        }
        if request.method == "GET" { return mediaGet(request) }
        if request.method == "POST", request.path == "/\(version)/\(phoneNumberID)/media" { return upload(request) }
        guard request.method == "POST", request.path == "/\(version)/\(phoneNumberID)/messages" else {
            return Self.error(code: 100, status: 400, "Unsupported request: \(request.method) \(request.path)")
        }
        let problems = validator.violations(request.body)
        guard problems.isEmpty else {
            rejections.append((String(decoding: request.body, as: UTF8.self), problems.joined(separator: "; ")))
            return Self.error(code: 100, status: 400, "(#100) Invalid parameter: " + problems.joined(separator: "; "))
        }
        guard let body = try? JSONValue(parsing: request.body) else { return Self.error(code: 100, status: 400, "bad JSON") }
        for kind in ["image", "document"] {
            if let id = body[kind]?["id"]?.stringValue, media[id] == nil {
                rejections.append((String(decoding: request.body, as: UTF8.self), "unknown media id \(id)"))
                return Self.error(code: 131053, status: 400, "Media upload error: unknown media id \(id)")
            }
        }
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

    /// `GET /<version>/<media-id>` (the URL) and `GET /download/<media-id>/<n>` (the bytes).
    private func mediaGet(_ request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.count == 2, parts[0] == version, let file = media[parts[1]] {
            urlNumber += 1
            let expired = expiring.remove(parts[1]) != nil
            let host = request.headers["host"] ?? "127.0.0.1"
            let url = "http://\(host)/download/\(parts[1])/\(expired ? "expired" : String(urlNumber))"
            let sha = Data(Hashing.sha256(file.bytes)).base64EncodedString()
            let body =
                #"{"messaging_product":"whatsapp","url":"\#(url)","mime_type":"\#(file.mimeType)","sha256":"\#(sha)","file_size":"\#(file.bytes.count)","id":"\#(parts[1])"}"#
            return .json(Data(body.utf8))
        }
        if parts.count == 3, parts[0] == "download", let file = media[parts[1]], parts[2] != "expired" {
            downloads += 1
            return HTTPResponse(status: 200, headers: ["Content-Type": file.mimeType], body: file.bytes)
        }
        if parts.count == 3, parts[0] == "download" { return HTTPResponse(status: 404, body: Data()) }
        return Self.error(code: 100, status: 400, "Unsupported get request. Object with ID '\(parts.last ?? "")' does not exist")
    }

    /// `POST /<version>/<phone-number-id>/media`, multipart: messaging_product, type, file.
    private func upload(_ request: HTTPRequest) -> HTTPResponse {
        guard let boundary = request.headers["content-type"].flatMap(FakeMultipartForm.boundary(of:)),
            let parts = FakeMultipartForm.parts(of: request.body, boundary: boundary)
        else { return Self.error(code: 100, status: 400, "(#100) The parameter file is required.") }
        let fields = Dictionary(parts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        guard fields["messaging_product"].map({ String(decoding: $0.data, as: UTF8.self) }) == "whatsapp",
            let file = fields["file"], file.fileName != nil, !file.data.isEmpty,
            let type = fields["type"].map({ String(decoding: $0.data, as: UTF8.self) }), !type.isEmpty
        else { return Self.error(code: 100, status: 400, "(#100) messaging_product, type and file are required") }
        uploads.append(file)
        let id = "\(900_000_000 + uploads.count)"
        media[id] = (file.data, type)
        return .json(Data(#"{"id":"\#(id)"}"#.utf8))
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
            configuration: HTTPServerConfiguration(
                host: "127.0.0.1", port: 0, maxBodyBytes: 8 << 20, maxConnections: 1024, perIPConnectionLimit: 0,
                requestDeadlineSeconds: 0, failureBudget: 0),
            handler: { await fake.respond($0) })
    }

    public func start() throws { try server.start() }
    public func stop() { server.stop() }

    /// The base URL to give the bot as `GRAPH_API_BASE_URL`.
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }
}
