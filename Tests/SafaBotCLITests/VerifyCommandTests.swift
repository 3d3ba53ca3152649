import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import SQLiteStore
@testable import SafaBotCLI

@Suite struct VerifyCommandTests {
    /// Submits one help request through the terminal channel into a fresh database; returns its reference.
    static func submitOne(into path: String) throws -> String {
        let store = try SQLiteRuntimeStore(path: path)
        let session = TerminalSession(
            store: store, dialogs: DialogHolder(try TestEnvironment.shippedDialogs()), session: "v"
        ) { _ in }
        try session.open(reset: false)
        for line in [
            "1", "محمد عبدالله الأحمد", "١٠٢٣٤٥٦٧٨١", "٠٥٥١٢٣٤٥٦٧", "الرياض", "٥", "٣٥٠٠", "1", "1", "1", "1", "1",
        ] {
            try session.receive(line: line)
        }
        let request = try #require(try store.requests(limit: 1).first)
        return request.reference
    }

    @Test func aStoredRequestVerifiesAndATamperedOneFailsNamingTheField() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("verify.sqlite").path
        let reference = try Self.submitOne(into: path)
        let stored = try #require(try SQLiteRuntimeStore(path: path).request(reference: reference))
        let attestation = try #require(stored.attestation)
        #expect(attestation.version == 2)
        #expect(attestation.channel == "terminal")
        #expect(attestation.platformMessageID != nil)
        #expect(attestation.statement.contains("أقرّ بأن جميع البيانات"))
        #expect(SafaBot.main(["verify", reference, "--db", path]) == 0)

        // Someone edits the stored city after the fact.
        let db = try Database(path: path)
        try db.execute(
            "UPDATE requests SET fields_json = replace(fields_json, 'الرياض', 'جدة') WHERE reference = ?",
            [.text(reference)])
        let check = AttestationCheck(try #require(try SQLiteRuntimeStore(path: path).request(reference: reference)))
        #expect(check.problems.count == 1)
        #expect(check.problems.first?.description.contains("\"الرياض\"") == true)
        #expect(check.problems.first?.description.contains("\"جدة\"") == true)
        #expect(SafaBot.main(["verify", reference, "--db", path]) == 1)
        #expect(SafaBot.main(["verify", "NO-SUCH", "--db", path]) == 1)
    }
}
