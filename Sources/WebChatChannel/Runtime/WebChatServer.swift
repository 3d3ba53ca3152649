public import BotRuntime
import DialogCore
import HTTPServer

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The web chat's HTTP side: the page and its files, starting a conversation, posting messages into the
/// durable inbox, fetching replies from the mailbox (event stream or long poll) and acknowledging them.
///
/// Every route takes exact paths (no path parameters): `/chat`, `/chat/app.js`, `/chat/app.css`,
/// `/chat/widget.js`, `/chat/start`, `/chat/send`, `/chat/events`, `/chat/poll`, `/chat/ack`, `/chat/upload`,
/// `/chat/file`.
public struct WebChatServer: Sendable {
    let configuration: WebChatConfiguration
    let inbox: ChannelInbox
    let mailbox: any MailboxStore
    let executor: BlockingExecutor
    let bell: MailboxBell
    let files: WebChatFiles
    let limits: WebChatLimits
    let logger: Logger
    let clock: @Sendable () -> Date

    /// The name of the conversation cookie.
    public static let cookieName = "safa_chat"
    /// The header an embed on another origin sends its stored token in.
    public static let tokenHeader = "x-safa-chat"

    public init(
        configuration: WebChatConfiguration, inbox: ChannelInbox, mailbox: any MailboxStore,
        executor: BlockingExecutor, bell: MailboxBell, files: WebChatFiles, logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.inbox = inbox
        self.mailbox = mailbox
        self.executor = executor
        self.bell = bell
        self.files = files
        self.limits = WebChatLimits(configuration.limits)
        self.logger = logger
        self.clock = clock
    }

    /// The routes for the bot's HTTP server, each with the methods it serves (OPTIONS for CORS preflights)
    /// and its body limit; each answers CORS for the allowed origins.
    public var routes: [WebChatRoute] {
        let get: Set<String> = ["GET", "HEAD", "OPTIONS"]
        let post: Set<String> = ["POST", "OPTIONS"]
        let plain: [(String, Set<String>, Int, HTTPHandler)] = [
            ("/chat", get, 0, { await page($0) }),
            ("/chat/app.js", get, 0, { await asset($0, WebChatAssets.script, type: "text/javascript; charset=utf-8") }),
            ("/chat/app.css", get, 0, { await asset($0, WebChatAssets.style, type: "text/css; charset=utf-8") }),
            (
                "/chat/widget.js", get, 0,
                { await asset($0, WebChatAssets.widget, type: "text/javascript; charset=utf-8") }
            ),
            ("/chat/start", post, 0, { await start($0) }),
            ("/chat/send", post, WebChatRoute.postBodyBytes, { await send($0) }),
            ("/chat/events", get, 0, { await events($0) }),
            ("/chat/poll", get, 0, { await poll($0) }),
            ("/chat/ack", post, 1 << 10, { await acknowledge($0) }),
            ("/chat/upload", post, configuration.maxUploadBytes, { await upload($0) }),
            ("/chat/file", get, 0, { await file($0) }),
        ]
        return plain.map { path, methods, limit, handler in
            WebChatRoute(path: path, methods: methods, maxBodyBytes: limit) { request in await cors(request, handler) }
        }
    }

    /// Answers a preflight, and marks the answer readable by an allowed origin (no credentials: an embed on
    /// another site sends its token in ``tokenHeader``). Other origins get no CORS headers at all.
    func cors(_ request: HTTPRequest, _ handler: HTTPHandler) async -> HTTPResponse {
        let origin = request.headers["origin"].flatMap { configuration.allowedOrigins.contains($0) ? $0 : nil }
        if request.method == "OPTIONS" {
            var response = HTTPResponse(status: 204, headers: ["Vary": "Origin"])
            if let origin {
                response.headers["Access-Control-Allow-Origin"] = origin
                response.headers["Access-Control-Allow-Methods"] = "GET, POST"
                response.headers["Access-Control-Allow-Headers"] = "Content-Type, X-Safa-Chat, Last-Event-ID"
                response.headers["Access-Control-Max-Age"] = "600"
            }
            return response
        }
        var response = await handler(request)
        if let origin {
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
        }
        return response
    }

    // MARK: The page

    func page(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else { return Self.methodNotAllowed("GET") }
        var response = HTTPResponse(
            status: 200, headers: ["Content-Type": "text/html; charset=utf-8"], body: Data(WebChatAssets.page.utf8))
        response.headers.merge(securityHeaders, uniquingKeysWith: { _, new in new })
        response.headers["Cache-Control"] = "no-cache"
        return response
    }

    func asset(_ request: HTTPRequest, _ text: String, type: String) async -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else { return Self.methodNotAllowed("GET") }
        var response = HTTPResponse(status: 200, headers: ["Content-Type": type], body: Data(text.utf8))
        response.headers.merge(securityHeaders, uniquingKeysWith: { _, new in new })
        response.headers["Cache-Control"] = "no-cache"
        return response
    }

    /// A strict policy: only this origin's script, style and connections; no inline code; embedding only by
    /// the configured origins.
    var securityHeaders: [String: String] {
        let ancestors = (["'self'"] + configuration.allowedOrigins).joined(separator: " ")
        return [
            "Content-Security-Policy":
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
                + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors \(ancestors)",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        ]
    }

    // MARK: Conversations

    /// The conversation this request proves it owns (cookie, or the embed's header), if any.
    func conversation(_ request: HTTPRequest) -> ConversationToken? {
        if let header = request.headers[Self.tokenHeader],
            let token = ConversationToken.verify(header, secret: configuration.secret)
        {
            return token
        }
        guard let cookies = request.headers["cookie"] else { return nil }
        for pair in cookies.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, Self.trimmed(parts[0]) == Self.cookieName else { continue }
            if let token = ConversationToken.verify(Self.trimmed(parts[1]), secret: configuration.secret) {
                return token
            }
        }
        return nil
    }

    static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// POST /chat/start: resumes the browser's conversation, or starts one (a new cookie and a `.start`
    /// event in the inbox). `?fresh=1` starts over even when a conversation exists.
    func start(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "POST" else { return Self.methodNotAllowed("POST") }
        if request.query["fresh"] != "1", conversation(request) != nil {
            return Self.json(#"{"conversation":"resumed"}"#)
        }
        let now = clock()
        if let later = limits.admitStart(address: clientAddress(request), now: now) {
            return Self.tooMany(retryAt: later, now: now)
        }
        let token = ConversationToken.issue(secret: configuration.secret)
        let item = InboundItem(
            key: WebChat.conversationKey(token.id), platformID: "web:\(token.id):start", content: .start,
            receivedAt: now, meta: [:])
        do {
            try await inbox.accept([item])
        } catch {
            logger.error("web_start_failed", ["error": "\(error)"])
            return Self.error("the bot cannot take messages right now", status: 503)
        }
        // The embed keeps the token in its storage (its cookie would be a third-party one); the page never sees it.
        var response = Self.json(
            request.query["embed"] == "1"
                ? #"{"conversation":"new","token":"\#(token.value)"}"# : #"{"conversation":"new"}"#)
        response.headers["Set-Cookie"] = cookie(token.value)
        return response
    }

    func cookie(_ value: String) -> String {
        // Path=/chat: sent with the chat's own requests only. A year: the conversation is kept on this device.
        "\(Self.cookieName)=\(value); Path=/chat; Max-Age=31536000; HttpOnly; SameSite=Strict"
            + (configuration.secureCookie ? "; Secure" : "")
    }

    /// POST /chat/send: one message or button press, stored in the inbox once per idempotency key.
    func send(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "POST" else { return Self.methodNotAllowed("POST") }
        // Only JSON: a cross-site form cannot post it without a CORS preflight.
        guard request.headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
            return Self.error("Content-Type must be application/json", status: 415)
        }
        guard let token = conversation(request) else {
            return Self.error("no conversation: POST /chat/start", status: 401)
        }
        if let later = limits.admitPost(address: clientAddress(request), conversation: token.id, now: clock()) {
            return Self.tooMany(retryAt: later, now: clock())
        }
        guard let post = try? JSONDecoder().decode(WebChatPost.self, from: request.body) else {
            return Self.error("body must be {\"key\": …, \"text\": …} or {\"key\": …, \"button\": …}", status: 400)
        }
        guard WebChatPost.isValidKey(post.key) else {
            return Self.error("key must be 8-64 characters of A-Z a-z 0-9 _ -", status: 400)
        }
        let content: EventContent
        let echo: String
        if let button = post.button {
            guard !button.isEmpty, button.utf8.count <= 64 else {
                return Self.error("button must be 1-64 bytes", status: 400)
            }
            content = .button(payload: button)
            echo = String((post.label ?? "").prefix(200))
        } else if let text = post.text, !text.allSatisfy(\.isWhitespace) {
            guard text.count <= configuration.maxTextLength else {
                return Self.error("text is longer than \(configuration.maxTextLength) characters", status: 413)
            }
            content = .text(text)
            echo = text
        } else {
            return Self.error("text or button is required", status: 400)
        }
        let key = WebChat.conversationKey(token.id)
        let platformID = "web:\(token.id):\(post.key)"
        let now = clock()
        let mailbox = self.mailbox
        let body = WebChatEntry(type: "me", text: echo, key: post.key).json()
        do {
            // The echo first, so it sorts before the replies; a retried post finds both already there.
            _ = try await executor.run { try mailbox.appendMailbox(key, origin: platformID, body: body, at: now) }
            bell.ring(token.id)
            let records = try await inbox.accept([
                InboundItem(key: key, platformID: platformID, content: content, receivedAt: now, meta: [:])
            ])
            let duplicate = records.first.map { $0 == nil } ?? true
            return Self.json(#"{"accepted":true,"duplicate":\#(duplicate)}"#, status: 202)
        } catch {
            logger.error("web_send_failed", ["conversation": token.id, "error": "\(error)"])
            return Self.error("the bot cannot take messages right now; try again", status: 503)
        }
    }

    /// POST /chat/ack {"upTo": N}: the page has shown every entry up to N.
    func acknowledge(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "POST" else { return Self.methodNotAllowed("POST") }
        guard request.headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
            return Self.error("Content-Type must be application/json", status: 415)
        }
        guard let token = conversation(request) else { return Self.error("no conversation", status: 401) }
        guard let ack = try? JSONDecoder().decode(WebChatAck.self, from: request.body) else {
            return Self.error("body must be {\"upTo\": <entry id>}", status: 400)
        }
        let mailbox = self.mailbox
        let key = WebChat.conversationKey(token.id)
        let now = clock()
        do {
            try await executor.run { _ = try mailbox.acknowledgeMailbox(key, upTo: ack.upTo, at: now) }
            return HTTPResponse(status: 204, headers: ["Cache-Control": "no-store"])
        } catch {
            return Self.error("the bot cannot record that right now", status: 503)
        }
    }

    /// The client's address: the connection's peer, or the trusted proxy's header when the peer is the
    /// proxy on this machine (with X-Forwarded-For, the last address: the one our proxy saw).
    func clientAddress(_ request: HTTPRequest) -> String {
        let peer = request.remoteAddress ?? "unknown"
        guard let name = configuration.clientAddressHeader?.lowercased(),
            ["127.0.0.1", "::1", "::ffff:127.0.0.1"].contains(peer),
            let value = request.headers[name], let last = value.split(separator: ",").last
        else { return peer }
        let address = Self.trimmed(last)
        return address.isEmpty ? peer : address
    }

    // MARK: Responses

    /// 429 with `Retry-After` in whole seconds.
    static func tooMany(retryAt: Date, now: Date) -> HTTPResponse {
        var response = error("too many requests; slow down", status: 429)
        response.headers["Retry-After"] = String(max(1, Int(retryAt.timeIntervalSince(now).rounded(.up))))
        return response
    }

    static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse.json(Data(text.utf8), status: status)
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// An error for the page's script (and a developer reading the network panel), as JSON.
    static func error(_ message: String, status: Int) -> HTTPResponse {
        let quoted = (try? JSONEncoder().encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        return json(#"{"error":\#(quoted)}"#, status: status)
    }

    static func methodNotAllowed(_ allowed: String) -> HTTPResponse {
        var response = error("method not allowed; use \(allowed)", status: 405)
        response.headers["Allow"] = allowed
        return response
    }
}
