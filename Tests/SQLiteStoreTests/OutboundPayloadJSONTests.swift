import BotRuntime
import DialogCore
import Foundation
import Testing

/// The hand-written outbox JSON must read back, with Foundation's decoder, as exactly the payload written.
@Suite struct OutboundPayloadJSONTests {
    static let payloads: [OutboundPayload] = [
        .message(
            OutgoingMessage(text: "اختر \"خدمة\":\n1) طلب", buttons: [Button(payload: "7:help", label: "طلب مساعدة")])),
        .message(OutgoingMessage(text: "بدون أزرار")),
        .readReceipt(platformMessageID: "wamid.HBgLMTIzNDU2"),
        .reengage,
        .file(Attachment(kind: .photo, fileID: "AgAD"), caption: nil),
        .file(Attachment(kind: .photo, fileID: "1290315874925640", channel: "whatsapp"), caption: "صورة الهوية"),
        .file(
            Attachment(kind: .document, fileID: "BQAD", fileName: "نموذج.pdf", mimeType: "application/pdf", size: 12),
            caption: "النموذج"),
    ]

    @Test(arguments: payloads)
    func readsBackAsWritten(payload: OutboundPayload) throws {
        #expect(try JSONDecoder().decode(OutboundPayload.self, from: Data(payload.jsonText().utf8)) == payload)
    }
}

@Suite struct OutboundPayloadReadingTests {
    @Test(arguments: OutboundPayloadJSONTests.payloads)
    func readsBackWhetherWrittenByHandOrByJSONEncoder(payload: OutboundPayload) throws {
        #expect(JSONNode.parse(payload.jsonText()).flatMap(OutboundPayload.init(json:)) == payload)
        let encoded = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        #expect(JSONNode.parse(encoded).flatMap(OutboundPayload.init(json:)) == payload)
    }
}
