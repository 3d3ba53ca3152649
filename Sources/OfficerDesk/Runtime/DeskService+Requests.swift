import BotRuntime
import DialogCore
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Request status changes by officers: `/status` in the officers' group and `POST /officer/requests/{ref}/status`.
extension DeskService {
    /// `/status …` from the officers' group: only a known officer may use it; the answer goes where it was typed.
    func changeStatus(_ command: StatusCommand, from message: OfficerGroupMessage) async {
        guard let officer = config.officer(identity: message.officer) else {
            logger.warning("status_refused_not_officer", ["message_id": message.messageID])
            await postStatusAnswer("Only officers can change a request's status.", in: message.place)
            return
        }
        guard !command.reference.isEmpty, let status = command.status else {
            let problem = command.word.isEmpty ? "" : "Unknown status \"\(command.word)\". "
            await postStatusAnswer(problem + StatusCommand.usage, in: message.place)
            return
        }
        let change = StatusChange(
            reference: command.reference, to: status, actor: officer.id, reason: command.reason, note: command.note,
            via: "telegram", at: clock())
        switch await apply(change) {
        case .success(let event):
            await postStatusAnswer(
                "Request \(event.reference): \(event.from ?? "?") → \(event.to ?? "?") by \(officer.name). "
                    + "The beneficiary will be told.", in: message.place)
        case .failure(let error):
            await postStatusAnswer(error.message, in: message.place)
        }
    }

    /// `POST /officer/requests/{ref}/status {"status": "...", "reason"?: "...", "note"?: "..."}`.
    func handleRequestAPI(_ request: HTTPRequest) async -> HTTPResponse {
        guard let officer = api.authenticate(request.headers) else { return OfficerAPI.unauthorized }
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count == 4, parts[3] == "status" else {
            return OfficerAPI.error(404, "not_found", "No such route.")
        }
        guard request.method.uppercased() == "POST" else {
            return OfficerAPI.error(405, "method_not_allowed", "Method not allowed.")
        }
        let body: [String: Any]
        switch api.body(request) {
        case .success(let object): body = object
        case .failure(let box): return box.response
        }
        guard let word = body["status"] as? String, let status = RequestStatus(officerWord: word) else {
            return OfficerAPI.error(
                400, "bad_status",
                "status must be one of \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        for key in ["reason", "note"] where body[key] != nil && !(body[key] is String) {
            return OfficerAPI.error(400, "bad_\(key)", "\(key) must be a string.")
        }
        let reference = ReferenceNumber.parse(parts[2]) ?? parts[2]
        let change = StatusChange(
            reference: reference, to: status, actor: officer.id, reason: nonEmpty(body["reason"]),
            note: nonEmpty(body["note"]), via: "api", at: clock())
        switch await apply(change) {
        case .success(let event): return OfficerAPI.json(RequestStatusAPI.ChangedJSON(event))
        case .failure(let error):
            switch error {
            case .unknownRequest: return OfficerAPI.error(404, "unknown_request", error.message)
            case .illegalTransition: return OfficerAPI.error(409, "illegal_transition", error.message)
            case .unknownStoredStatus: return OfficerAPI.error(409, "unknown_status", error.message)
            case .storeFailed: return OfficerAPI.error(500, "store_failed", "The change was not saved; try again.")
            }
        }
    }

    private func nonEmpty(_ value: Any?) -> String? {
        guard let text = (value as? String)?.trimmed, !text.isEmpty else {
            return nil
        }
        return String(text)
    }

    /// Saves the change (with its audit row and the beneficiary's notice in the inbox) and wakes processing.
    private func apply(_ change: StatusChange) async -> Result<RequestEvent, StatusChangeError> {
        let store = self.store
        let result: Result<RequestEvent, StatusChangeError>
        do {
            result = .success(try await executor.run { try store.changeStatus(change) })
        } catch let error as StatusChangeError {
            result = .failure(error)
        } catch {
            result = .failure(.storeFailed("\(error)"))
        }
        switch result {
        case .success(let event):
            logger.info(
                "request_status_changed",
                ["reference": event.reference, "from": event.from ?? "", "to": event.to ?? "", "by": event.actor,
                 "via": event.via])
            wakeProcessing()
        case .failure(let error):
            logger.info("request_status_refused", ["reference": change.reference, "reason": error.message])
        }
        return result
    }

    private func postStatusAnswer(_ text: String, in place: String?) async {
        guard let workplace else { return }
        do {
            try await workplace.post(OutgoingMessage(text: text), in: place)
        } catch {
            logger.warning("desk_post_failed", ["error": "\(error)"])
        }
    }
}

/// The request routes of the officer API.
enum RequestStatusAPI {
    static let prefix = "/officer/requests/"

    /// The answer to a status change.
    struct ChangedJSON: Encodable {
        var ok = true
        var reference: String
        var from: String?
        var to: String?
        var at: String
        var by: String
        var eventID: Int64

        init(_ event: RequestEvent) {
            reference = event.reference
            from = event.from
            to = event.to
            at = event.at.formatted(.iso8601)
            by = event.actor
            eventID = event.id
        }
    }
}
