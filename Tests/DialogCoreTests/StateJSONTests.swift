import Foundation
import Testing

@testable import DialogCore

/// The hand-written state JSON must read back, with Foundation's decoder, as exactly the state written.
@Suite struct StateJSONTests {
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()

    func roundTrip(_ state: ConversationState) throws -> ConversationState {
        try Self.decoder.decode(ConversationState.self, from: Data(state.jsonText().utf8))
    }

    static let phases: [ConversationState.Phase] = [
        .fresh, .choosing, .field(index: 3, editing: true), .field(index: 0, editing: false), .reviewing,
        .pickingFieldToEdit, .attesting, .inquiring,
        .offeringOfficer(target: NodeRef(flow: "handoff", node: "relations")),
        .offeringResume, .withOfficer(queue: "research"), .addingInformation(reference: "123456789"),
        .confirmingApplicant(reference: "123456789"),
    ]

    static let values: [FieldValue] = [
        .text("محمد \"الأحمد\" \\ سطر\nجديد\t\u{1}"), .integer(-42), .decimal(3500.75), .decimal(1e-5), .decimal(3500),
        .date(gregorian: "2025-03-01", hijri: "1446-09-01"), .date(gregorian: "2026-01-04", hijri: nil), .yesNo(true),
        .yesNo(false), .choice(id: "rent", label: "إيجار"),
        .attachments([
            Attachment(kind: .photo, fileID: "AgAD-1"),
            Attachment(
                kind: .document, fileID: "BQAD-2", fileName: "صك.pdf", mimeType: "application/pdf", size: 1_048_576),
        ]),
        .location(latitude: 24.7136, longitude: 46.6753), .skipped,
    ]

    @Test(arguments: phases)
    func everyPhaseReadsBack(phase: ConversationState.Phase) throws {
        var state = ConversationState()
        state.phase = phase
        state.suspended = SuspendedQuestion(node: NodeRef(flow: "help_request", node: "form"), phase: phase)
        #expect(try roundTrip(state) == state)
    }

    @Test func aFullStateWithEveryFieldValueReadsBack() throws {
        var state = ConversationState()
        state.node = NodeRef(flow: "help_request", node: "review")
        state.phase = .reviewing
        state.attempts = 2
        state.promptSequence = 17
        state.forms["help_request.form"] = Dictionary(
            uniqueKeysWithValues: Self.values.enumerated().map { ("f\($0.offset)", $0.element) })
        state.forms["feedback.form"] = [:]
        state.trail = [NodeRef(flow: "main", node: "menu"), NodeRef(flow: "help_request", node: "form")]
        state.lastActivity = Date(timeIntervalSince1970: 1_767_506_400.125)
        state.requests = [
            RequestSummary(
                reference: "SF-2026-000123", requestType: "help_request",
                submittedAt: Date(timeIntervalSince1970: 1_767_506_000), status: "submitted")
        ]
        state.dialogVersion = "a1b2c3d4e5f60718"
        state.attestations["help_request.form"] = Attestation(
            node: NodeRef(flow: "help_request", node: "attest"), statement: "أقرّ بأن جميع البيانات صحيحة",
            acceptedAt: Date(timeIntervalSince1970: 1_767_506_300.5), version: 2, answer: "نعم",
            platformMessageID: "whatsapp:wamid.X", data: #"{"family":"5"}"#)
        state.afterSurvey = NodeRef(flow: "help_request", node: "form")
        state.clarifying = ["documents", "decision_time"]
        state.lookupFailures = [Date(timeIntervalSince1970: 1_767_506_000.5)]
        #expect(try roundTrip(state) == state)
        #expect(try roundTrip(ConversationState()) == ConversationState())
    }

    static let contents: [EventContent] = [
        .start, .text("السلام عليكم \"يا\" \\ أهل\n"), .button(payload: "12:help"),
        .attachment(
            Attachment(kind: .document, fileID: "BQAD", fileName: "صك.pdf", mimeType: "application/pdf", size: 9)),
        .location(latitude: 24.7136, longitude: 46.6753), .unsupported(kind: "voice"),
        .handBack(node: "help_request.form", survey: true), .handBack(node: nil, survey: false),
    ]

    @Test(arguments: contents)
    func everyEventContentReadsBack(content: EventContent) throws {
        #expect(try Self.decoder.decode(EventContent.self, from: Data(content.jsonText().utf8)) == content)
    }

    @Test func metaReadsBack() throws {
        let meta = ["callback_query_id": "cbq-1", "message_id": "42", "اسم": "قيمة \"مقتبسة\""]
        #expect(try Self.decoder.decode([String: String].self, from: Data(meta.jsonText().utf8)) == meta)
        #expect(try Self.decoder.decode([String: String].self, from: Data([String: String]().jsonText().utf8)) == [:])
    }
}

/// The fast reader gives back exactly what was written, and agrees with JSONEncoder's output too.
@Suite struct JSONReaderTests {
    @Test(arguments: StateJSONTests.contents)
    func eventContentWrittenByHandOrByJSONEncoderReadsBack(content: EventContent) throws {
        #expect(JSONNode.parse(content.jsonText()).flatMap(EventContent.init(json:)) == content)
        let encoded = String(decoding: try JSONEncoder().encode(content), as: UTF8.self)
        #expect(JSONNode.parse(encoded).flatMap(EventContent.init(json:)) == content)
    }

    @Test func metaAndEscapesReadBack() throws {
        let meta = ["a": "سطر\nثانٍ \"مقتبس\" \\ / \u{1F600}", "b": ""]
        #expect(JSONNode.parse(meta.jsonText()).flatMap([String: String].init(json:)) == meta)
        let escaped = #"{"a":"\u0627\u0644\ud83d\ude00\/x"}"#
        #expect(JSONNode.parse(escaped)?["a"]?.string == "ال😀/x")
    }

    @Test func invalidOrUnexpectedShapesAreRefusedNotGuessed() {
        for text in ["", "{", #"{"a":}"#, #"{"a":1,}"#, "[1 2]", #""\x""#, "nul", #"{"a":"b"} x"#] {
            #expect(JSONNode.parse(text) == nil, "\(text)")
        }
        #expect(JSONNode.parse(#"{"text":{"_0":5}}"#).flatMap(EventContent.init(json:)) == nil)
        #expect(JSONNode.parse(#"{"text":{"_0":"x"},"start":{}}"#).flatMap(EventContent.init(json:)) == nil)
        #expect(JSONNode.parse(#"{"m":1}"#).flatMap([String: String].init(json:)) == nil)
    }
}

/// A request's fields and attestation, written by hand for the store, read back by JSONDecoder as written.
@Suite struct StepRecordsJSONTests {
    @Test func requestFieldsOfEveryValueKindReadBackExactly() throws {
        let fields = StateJSONTests.values.enumerated().map { index, value in
            FieldEntry(id: "f\(index)", label: "الحقل \"\(index)\"", value: value, sensitive: index % 2 == 0)
        }
        let text = fields.jsonText()
        #expect(try StateJSONTests.decoder.decode([FieldEntry].self, from: Data(text.utf8)) == fields)
        #expect(JSONNode.parse(text).flatMap([FieldEntry].init(json:)) == fields, "the hand-written reader agrees")
        #expect([FieldEntry]().jsonText() == "[]")
    }

    @Test func anAttestationReadsBackExactly() throws {
        let attestation = Attestation(
            node: NodeRef(flow: "help_request", node: "attest"), statement: "أقرّ بأن \"البيانات\" صحيحة",
            acceptedAt: Date(timeIntervalSince1970: 1_764_000_000.25))
        let decoded = try StateJSONTests.decoder.decode(Attestation.self, from: Data(attestation.jsonText().utf8))
        #expect(decoded == attestation)
        var full = attestation
        full.version = 2
        full.answer = "أقرّ \\ وأوافق"
        full.platformMessageID = "telegram:update:9"
        full.data = #"{"name":"سارة \"علي\""}"#
        full.channel = "telegram"
        full.statementSHA256 = String(repeating: "a", count: 64)
        full.dataSHA256 = String(repeating: "b", count: 64)
        #expect(try StateJSONTests.decoder.decode(Attestation.self, from: Data(full.jsonText().utf8)) == full)
    }
}
