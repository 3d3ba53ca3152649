import DialogCore
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension OfficerAPI {
    func act(
        _ verb: String, on id: String, _ request: HTTPRequest, _ officer: Officer, _ now: Date, _ book: inout CaseBook
    ) -> OfficerAPIResult {
        let action: CaseAction
        switch verb {
        case "claim": action = .claim(caseID: id, officerID: officer.id, via: .api)
        case "close": action = .close(caseID: id, officerID: officer.id, via: .api)
        case "reengage": action = .reengage(caseID: id, officerID: officer.id, via: .api)
        case "messages", "notes":
            let text: String
            switch body(request).flatMap({ Self.text($0, key: "text") }) {
            case .success(let value): text = value
            case .failure(let problem): return OfficerAPIResult(response: problem)
            }
            action =
                verb == "messages"
                ? .reply(caseID: id, officerID: officer.id, content: .text(text), via: .api)
                : .note(caseID: id, officerID: officer.id, text: text, via: .api)
        case "release":
            let node: String?
            switch body(request, emptyAllowed: true).flatMap({ Self.optionalString($0, key: "node") }) {
            case .success(let value): node = value
            case .failure(let problem): return OfficerAPIResult(response: problem)
            }
            if let node, !(OfficerCommand.isNodeReference(node) && nodeExists(node)) {
                return OfficerAPIResult(response: Self.error(.unknownNode(node)))
            }
            action = .release(caseID: id, officerID: officer.id, node: node, via: .api)
        case "transfer":
            let queue: String
            switch body(request).flatMap({ Self.text($0, key: "queue") }) {
            case .success(let value): queue = value
            case .failure(let problem): return OfficerAPIResult(response: problem)
            }
            action = .transfer(caseID: id, officerID: officer.id, queue: queue, via: .api)
        default:
            return OfficerAPIResult(response: Self.error(404, "not_found", "No such action."))
        }
        switch book.apply(action, now: now, config: config) {
        case .failure(let error): return OfficerAPIResult(response: Self.error(error))
        case .success(let effects):
            guard let c = book[id] else { return OfficerAPIResult(response: Self.error(.unknownCase)) }
            let body = ActionResultJSON(case: CaseSummaryJSON(c, book: book, config: config))
            return OfficerAPIResult(response: Self.json(body), effects: effects)
        }
    }

    /// The body as a JSON object; an empty body is `{}` when allowed.
    func body(_ request: HTTPRequest, emptyAllowed: Bool = false) -> Result<[String: Any], HTTPResponseBox> {
        if request.body.isEmpty {
            return emptyAllowed
                ? .success([:])
                : .failure(HTTPResponseBox(Self.error(400, "bad_json", "A JSON object body is required.")))
        }
        guard let object = JSONValue.untyped(parsing: request.body) as? [String: Any] else {
            return .failure(HTTPResponseBox(Self.error(400, "bad_json", "The body is not a JSON object.")))
        }
        return .success(object)
    }

    static func text(_ object: [String: Any], key: String) -> Result<String, HTTPResponseBox> {
        guard let value = object[key] as? String else {
            return .failure(HTTPResponseBox(error(400, "bad_json", "\"\(key)\" must be a string.")))
        }
        let trimmed = String(value.trimmed)
        guard !trimmed.isEmpty else {
            return .failure(HTTPResponseBox(error(400, "bad_json", "\"\(key)\" must not be empty.")))
        }
        guard trimmed.count <= maxTextLength else {
            return .failure(
                HTTPResponseBox(error(400, "too_long", "\"\(key)\" is longer than \(maxTextLength) characters.")))
        }
        return .success(trimmed)
    }

    static func optionalString(_ object: [String: Any], key: String) -> Result<String?, HTTPResponseBox> {
        guard let value = object[key], !(value is JSONNull) else { return .success(nil) }
        guard let string = value as? String else {
            return .failure(HTTPResponseBox(error(400, "bad_json", "\"\(key)\" must be a string.")))
        }
        return .success(string.isEmpty ? nil : string)
    }

    // MARK: - Responses

    static func json(_ value: some Encodable, status: Int = 200) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return .json(data, status: status)
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        json(ErrorJSON(error: code, message: message), status: status)
    }

    static func error(_ error: CaseError) -> HTTPResponse {
        self.error(error.httpStatus, error.code, error.officerMessage)
    }
}

/// A ready error response carried through `Result` (HTTPResponse itself is not an `Error`).
struct HTTPResponseBox: Error {
    var response: HTTPResponse
    init(_ response: HTTPResponse) { self.response = response }
}

extension OfficerAPIResult {
    init(response box: HTTPResponseBox) { self.init(response: box.response) }
}
