import BotRuntime
import DialogCore
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension WebChatServer {
    /// GET /chat/events: Server-Sent Events. Resumes after `Last-Event-ID` (sent by the browser on every
    /// reconnection) or `?after=`; answers the waiting entries at once, else waits for the next one (up to
    /// ``WebChatConfiguration/waitSeconds``), then ends the response: the browser reconnects after `retry`,
    /// which keeps every request short enough for ordinary proxies and frees the connection between replies.
    func events(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "GET" else { return Self.methodNotAllowed("GET") }
        guard let token = conversation(request) else { return Self.error("no conversation", status: 401) }
        let after = Int64(request.headers["last-event-id"] ?? "") ?? Int64(request.query["after"] ?? "") ?? 0
        guard let entries = await limitedFetch(request, token, after: after) else {
            return Self.error("the bot cannot read replies right now", status: 503)
        }
        guard case .entries(let entries) = entries else { return Self.error("too many open requests", status: 429) }
        var text = "retry: \(Self.reconnectMilliseconds)\n\n"
        if entries.isEmpty { text += ": nothing new\n\n" }
        for entry in entries {
            text += "id: \(entry.id)\ndata: \(Self.wire(entry))\n\n"
        }
        return HTTPResponse(
            status: 200,
            headers: [
                "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store",
                // nginx: pass each response through without buffering it.
                "X-Accel-Buffering": "no",
            ],
            body: Data(text.utf8))
    }

    /// GET /chat/poll?after=N: the same entries as JSON, for browsers or proxies without event streams.
    func poll(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "GET" else { return Self.methodNotAllowed("GET") }
        guard let token = conversation(request) else { return Self.error("no conversation", status: 401) }
        let after = Int64(request.query["after"] ?? "") ?? 0
        guard let entries = await limitedFetch(request, token, after: after) else {
            return Self.error("the bot cannot read replies right now", status: 503)
        }
        guard case .entries(let entries) = entries else { return Self.error("too many open requests", status: 429) }
        return Self.json(#"{"entries":[\#(entries.map(Self.wire).joined(separator: ","))]}"#)
    }

    /// How long the browser waits before reconnecting after each answered event stream.
    static let reconnectMilliseconds = 250

    /// `?wait=` seconds (0 answers at once), at most the configured wait.
    func waitTime(_ request: HTTPRequest) -> Int {
        guard let asked = request.query["wait"].flatMap({ Int($0) }) else { return configuration.waitSeconds }
        return min(max(0, asked), configuration.waitSeconds)
    }

    /// `{"id": N, "entry": {…}}`: the stored entry as it is, with its id.
    static func wire(_ entry: MailboxEntry) -> String {
        #"{"id":\#(entry.id),"entry":\#(entry.body)}"#
    }

    enum Fetched {
        case entries([MailboxEntry])
        case refused
    }

    /// ``fetch(_:after:wait:)`` counted against the address's and the conversation's open fetches; nil when
    /// the store fails.
    func limitedFetch(_ request: HTTPRequest, _ token: ConversationToken, after: Int64) async -> Fetched? {
        let wait = waitTime(request)
        guard wait > 0 else { return await fetch(token, after: after, wait: 0).map(Fetched.entries) }
        let address = clientAddress(request)
        guard limits.openFetch(address: address, conversation: token.id) else {
            logger.info("web_fetch_refused", ["conversation": token.id, "reason": "too many open fetches"])
            return .refused
        }
        defer { limits.closeFetch(address: address, conversation: token.id) }
        return await fetch(token, after: after, wait: wait).map(Fetched.entries)
    }

    /// The entries after `after`, waiting up to `wait` seconds for one when there are none; nil when the
    /// store fails.
    func fetch(_ token: ConversationToken, after: Int64, wait: Int) async -> [MailboxEntry]? {
        let key = WebChat.conversationKey(token.id)
        let ticket = bell.register(token.id)
        guard let entries = await read(key, after: after) else {
            bell.cancel(ticket)
            return nil
        }
        guard entries.isEmpty, wait > 0 else {
            bell.cancel(ticket)
            return entries
        }
        await bell.wait(ticket, timeout: .seconds(wait))
        return await read(key, after: after)
    }

    private func read(_ key: ConversationKey, after: Int64) async -> [MailboxEntry]? {
        let mailbox = self.mailbox
        let limit = configuration.entriesPerFetch
        do {
            return try await executor.run { try mailbox.mailbox(key, after: after, limit: limit) }
        } catch {
            logger.error("web_mailbox_read_failed", ["conversation": key.chat, "error": "\(error)"])
            return nil
        }
    }
}
