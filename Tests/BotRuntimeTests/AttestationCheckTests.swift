import BotRuntime
import DialogCore
import Foundation
import Testing

@Suite struct AttestationCheckTests {
    static let fields = [
        FieldEntry(id: "name", label: "الاسم", value: .text("سارة علي")),
        FieldEntry(id: "nid", label: "الهوية", value: .text("1023456781"), sensitive: true),
        FieldEntry(id: "family", label: "الأسرة", value: .integer(4)),
    ]

    static func request(fields: [FieldEntry] = fields) -> SubmittedRequest {
        let attestation = Attestation(
            node: NodeRef("attest", in: "help"), statement: "أقر بصحة البيانات",
            acceptedAt: Date(timeIntervalSince1970: 1_767_506_400), version: 2, answer: "أقر",
            platformMessageID: "telegram:update:7", data: AttestedData(Self.fields).canonicalText)
        return SubmittedRequest(
            reference: "R1", requestType: "help_request", form: NodeRef("form", in: "help"), fields: fields,
            submittedAt: Date(timeIntervalSince1970: 1_767_506_400), attestation: attestation.sealed(channel: "telegram"))
    }

    @Test func sealingAddsTheChannelAndTheHashesOfTheStatementAndData() throws {
        let attestation = try #require(Self.request().attestation)
        #expect(attestation.channel == "telegram")
        #expect(attestation.statementSHA256?.count == 64)
        #expect(attestation.dataSHA256 == Attestation.sha256Hex(AttestedData(Self.fields).canonicalText))
        // SHA-256 of "abc", the FIPS 180-2 test vector.
        #expect(Attestation.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func anUntouchedRequestVerifies() {
        let check = AttestationCheck(Self.request())
        #expect(check.verified)
        #expect(check.problems.isEmpty)
    }

    @Test func aChangedFieldIsNamedWithItsAttestedAndCurrentValue() {
        var fields = Self.fields
        fields[2].value = .integer(9)
        let check = AttestationCheck(Self.request(fields: fields))
        #expect(!check.verified)
        #expect(check.problems == [.fieldChanged(.init(field: "family", attested: "4", current: "9"))])
    }

    @Test func anEditedStatementOrSnapshotIsCaughtByItsHash() throws {
        var request = Self.request()
        request.attestation?.statement = "نص آخر"
        #expect(AttestationCheck(request).problems.count == 1)
        guard case .statementAltered = AttestationCheck(request).problems.first else {
            Issue.record("expected statementAltered")
            return
        }
        var snapshot = Self.request()
        snapshot.attestation?.data = #"{"family":"4"}"#
        let problems = AttestationCheck(snapshot).problems
        #expect(problems.contains { if case .attestedDataAltered = $0 { true } else { false } })
        #expect(problems.contains(.fieldChanged(.init(field: "name", attested: nil, current: "سارة علي"))))
    }

    @Test func aRequestWithoutAttestationFailsAndAVersionOneRecordIsOnlyWarned() {
        var request = Self.request()
        request.attestation = nil
        #expect(AttestationCheck(request).problems == [.notAttested])
        request.attestation = Attestation(
            node: NodeRef("attest", in: "help"), statement: "أقر", acceptedAt: Date()
        ).sealed(channel: "telegram")
        let check = AttestationCheck(request)
        #expect(check.verified)
        #expect(check.problems == [.legacyRecord])
    }
}
