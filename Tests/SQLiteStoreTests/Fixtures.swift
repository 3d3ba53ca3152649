import BotRuntime
import DialogCore
import Foundation

/// Values shared by the store tests. Dates are whole or binary-fraction seconds, exact in JSON and REAL.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_750_000_000)
    static let alice = ConversationKey(channel: "telegram", chat: "1001")
    static let bilal = ConversationKey(channel: "whatsapp", chat: "966500000002")

    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    static func message(_ text: String) -> OutboundPayload { .message(OutgoingMessage(text: text)) }

    /// A state using every FieldValue case and Arabic text, as a conversation in the middle of a form has.
    static var richState: ConversationState {
        var state = ConversationState()
        state.node = NodeRef(flow: "help_request", node: "form")
        state.phase = .field(index: 3, editing: true)
        state.attempts = 2
        state.promptSequence = 17
        state.forms = [
            "help_request.form": [
                "name": .text("فاطمة بنت عبدالله الشهري"),
                "family_size": .integer(7),
                "income": .decimal(3250.75),
                "birth": .date(gregorian: "1990-03-01", hijri: "1410-08-04"),
                "married": .yesNo(true),
                "city": .choice(id: "riyadh", label: "الرياض"),
                "documents": .attachments([
                    Attachment(
                        kind: .photo, fileID: "AgAC-1", fileName: "هوية.jpg", mimeType: "image/jpeg", size: 48_213),
                    Attachment(kind: .document, fileID: "BQAC-2"),
                ]),
                "home": .location(latitude: 24.7136, longitude: 46.6753),
                "notes": .skipped,
            ]
        ]
        state.trail = [NodeRef(flow: "main", node: "menu"), NodeRef(flow: "help_request", node: "intro")]
        state.lastActivity = at(42.5)
        state.requests = [
            RequestSummary(
                reference: "SAFA-2025-000123", requestType: "مساعدة", submittedAt: at(10),
                status: "قيد الدراسة لدى لجنة البحث")
        ]
        state.dialogVersion = "2025.06.1"
        return state
    }

    static func request(_ reference: String, at seconds: Double) -> SubmittedRequest {
        SubmittedRequest(
            reference: reference, requestType: "help", form: NodeRef(flow: "help_request", node: "form"),
            fields: [
                FieldEntry(id: "name", label: "الاسم", value: .text("سارة")),
                FieldEntry(id: "national_id", label: "رقم الهوية", value: .text("1000000008"), sensitive: true),
            ],
            submittedAt: at(seconds),
            attestation: Attestation(
                node: NodeRef(flow: "help_request", node: "attest"), statement: "أقر بأن البيانات صحيحة",
                acceptedAt: at(seconds - 1)))
    }
}
