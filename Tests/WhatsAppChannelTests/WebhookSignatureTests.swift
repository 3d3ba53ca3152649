import Foundation
import Testing
import WhatsAppChannel

@Suite struct WebhookSignatureTests {
    let signature = WebhookSignature(appSecret: "app-secret-123")

    @Test func acceptsTheHMACOfTheRawBytesInEitherHexCase() throws {
        // Arabic, pretty-printed: only the bytes as sent verify (Meta signs its own serialisation).
        let body = try WebhookFixture.example("constructed/webhook-text-message-arabic.json")
        let header = signature.header(for: body)
        #expect(signature.failure(header: header, body: body) == nil)
        #expect(signature.failure(header: "sha256=" + header.dropFirst(7).uppercased(), body: body) == nil)
    }

    @Test func refusesAReserialisedBodyAWrongSecretAndBadHeaders() throws {
        let body = try WebhookFixture.example("constructed/webhook-text-message-arabic.json")
        let header = signature.header(for: body)
        let reencoded = try JSONSerialization.data(
            withJSONObject: try JSONSerialization.jsonObject(with: body), options: [.sortedKeys])
        #expect(signature.failure(header: header, body: reencoded) == .mismatch)
        let other = WebhookSignature(appSecret: "another-secret").header(for: body)
        #expect(signature.failure(header: other, body: body) == .mismatch)
        #expect(signature.failure(header: nil, body: body) == .missing)
        #expect(signature.failure(header: "", body: body) == .missing)
        #expect(signature.failure(header: String(header.dropFirst(7)), body: body) == .malformed)
        #expect(signature.failure(header: "sha1=" + header.dropFirst(7), body: body) == .malformed)
        #expect(signature.failure(header: String(header.dropLast(2)), body: body) == .malformed)
        #expect(signature.failure(header: String(header.dropLast()) + "g", body: body) == .malformed)
    }
}
