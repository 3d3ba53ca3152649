import DialogCore
public import HTTPServer

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The officer HTTP API as a pure router: a request, the time and the case book in; a response and the
/// effects to commit (with the changed book) out. No sockets, so it is tested with plain values.
///
/// Every request carries `Authorization: Bearer <key>`; keys are compared only as SHA-256 hashes.
/// Routes (JSON bodies and answers, dates ISO 8601):
/// - `GET /officer/cases?state=waiting|active` → `{"cases": [summary]}` (without `state`: waiting and active),
///   only the cases of queues the officer works.
/// - `GET /officer/cases/{id}` → `{"case": detail}`; the read is audited ("view").
/// - `POST /officer/cases/{id}/claim`, `/close` → `{"ok": true, "case": summary}`.
/// - `POST /officer/cases/{id}/messages {"text": "…"}`, `/notes {"text": "…"}`, `/release {"node": "flow.node"?}`,
///   `/transfer {"queue": "research"}` → `{"ok": true, "case": summary}`.
///
/// summary: `id, queue, queueTitle, reason, state ("waiting"|"claimed"|"released"|"closed"), channel, openedAt,
/// waitingSince?, position?, claimedBy?, claimedByName?, claimedAt?, endedAt?`; detail adds `from?`,
/// `fields: [{id, label, value, sensitive}]` (sensitive values masked to their last four characters) and
/// `transcript: [{who ("beneficiary"|"officer"|"bot"|"note"), officer?, text, at}]`.
/// Errors: `{"error": code, "message": English}` with 400 (bad JSON or values), 401 (no or wrong key),
/// 403 (not an officer of the case's queue), 404 (unknown case or route), 405, 409 (wrong state).
public struct OfficerAPI: Sendable {
    public var config: OfficerConfiguration
    /// Officer id → SHA-256 of their key (``OfficerConfiguration/apiKeyHashes(environment:)``).
    public var keyHashes: [String: [UInt8]]
    /// Whether a qualified node ("help_request.review") exists in the loaded dialogs and asks the beneficiary
    /// something: the only nodes `/release` accepts.
    public var nodeExists: @Sendable (String) -> Bool

    /// The path prefix this API answers under.
    public static let prefix = "/officer/"
    /// Longest message or note accepted (Telegram's message limit).
    public static let maxTextLength = 4096

    public init(
        config: OfficerConfiguration, keyHashes: [String: [UInt8]], nodeExists: @escaping @Sendable (String) -> Bool
    ) {
        self.config = config
        self.keyHashes = keyHashes
        self.nodeExists = nodeExists
    }

    /// The response and effects for one request; `book` changes only when the action succeeded.
    public func handle(_ request: HTTPRequest, now: Date, book: inout CaseBook) -> OfficerAPIResult {
        guard let officer = authenticate(request.headers) else { return OfficerAPIResult(response: Self.unauthorized) }
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, parts[0] == "officer", parts[1] == "cases" else {
            return OfficerAPIResult(response: Self.error(404, "not_found", "No such route."))
        }
        switch (request.method.uppercased(), parts.count) {
        case ("GET", 2): return list(request, officer, book)
        case ("GET", 3): return view(parts[2], officer, now, &book)
        case ("POST", 4): return act(parts[3], on: parts[2], request, officer, now, &book)
        case (_, 2), (_, 3), (_, 4):
            return OfficerAPIResult(response: Self.error(405, "method_not_allowed", "Method not allowed."))
        default: return OfficerAPIResult(response: Self.error(404, "not_found", "No such route."))
        }
    }

    /// The 401 answer for a missing or wrong key.
    public static var unauthorized: HTTPResponse {
        var response = error(401, "unauthorized", "Missing or wrong API key.")
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    }

    /// The officer whose key `headers` (lowercased names) carry as `Authorization: Bearer <key>`; the server
    /// asks this on the headers, before reading a body, and ``handle(_:now:book:)`` asks it again.
    public func authenticate(_ headers: [String: String]) -> Officer? {
        guard let header = headers["authorization"] else { return nil }
        let pieces = header.split(separator: " ", maxSplits: 1)
        guard pieces.count == 2, pieces[0].lowercased() == "bearer" else { return nil }
        return config.officer(authenticatedBy: String(pieces[1].trimmed), hashes: keyHashes)
    }

    func list(_ request: HTTPRequest, _ officer: Officer, _ book: CaseBook) -> OfficerAPIResult {
        let mine = { (c: Case) in config.isMember(officer, of: c.queue) }
        let cases: [Case]
        switch request.query["state"] {
        case "waiting": cases = book.waiting().filter(mine)
        case "active": cases = book.active().filter(mine)
        case nil, "": cases = (book.waiting() + book.active()).filter(mine)
        default: return OfficerAPIResult(response: Self.error(400, "bad_state", "state must be waiting or active."))
        }
        let body = CaseListJSON(cases: cases.map { CaseSummaryJSON($0, book: book, config: config) })
        return OfficerAPIResult(response: Self.json(body))
    }

    func view(_ id: String, _ officer: Officer, _ now: Date, _ book: inout CaseBook) -> OfficerAPIResult {
        switch book.apply(.view(caseID: id, officerID: officer.id, via: .api), now: now, config: config) {
        case .failure(let error): return OfficerAPIResult(response: Self.error(error))
        case .success(let effects):
            guard let c = book[id] else { return OfficerAPIResult(response: Self.error(.unknownCase)) }
            let body = CaseEnvelopeJSON(case: CaseDetailJSON(c, book: book, config: config))
            return OfficerAPIResult(response: Self.json(body), effects: effects)
        }
    }
}

/// What the officer API answers, and the effects to commit with the changed case book.
public struct OfficerAPIResult: Sendable {
    public var response: HTTPResponse
    public var effects: [CaseEffect]

    public init(response: HTTPResponse, effects: [CaseEffect] = []) {
        self.response = response
        self.effects = effects
    }
}
