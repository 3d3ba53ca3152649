import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import SQLiteStore
@testable import SafaBotCLI

@Suite struct ExportCommandTests {
    @Test func csvHasABOMOneRowPerRequestMaskedIDsTheHistoryAndIsPrivate() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("export.sqlite").path
        let reference = try VerifyCommandTests.submitOne(into: db)
        let store = try SQLiteRuntimeStore(path: db)
        _ = try store.changeStatus(
            StatusChange(reference: reference, to: .inReview, actor: "mona", reason: "بدأت الدراسة", via: "api", at: Date()))
        let csv = directory.appendingPathComponent("out.csv").path
        #expect(SafaBot.main(["export", "--since", "2020-01-01", "--format", "csv", "--out", csv, "--db", db]) == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 BOM for Excel")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("reference,request_type,status,channel,submitted_at,submitted_hijri"))
        #expect(lines[0].contains("(national_id)"))
        #expect(lines[1].hasPrefix("\(reference),help_request,in_review,terminal,"))
        #expect(lines[1].contains("••••••6781"))
        #expect(!lines[1].contains("1023456781"), "national IDs are masked without --unmasked")
        #expect(lines[1].contains("submitted→in_review «بدأت الدراسة» by mona via api"))
        #expect(lines[1].contains("الرياض"))
        let mode = try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let json = directory.appendingPathComponent("out.json").path
        #expect(
            SafaBot.main(["export", "--since", "2020-01-01", "--format", "json", "--unmasked", "--out", json, "--db", db])
                == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))
        let rows = try #require(parsed as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["applicantID"] as? String == "1023456781")
        #expect((rows[0]["history"] as? [Any])?.count == 1)

        // Filters: a status nobody has, a date after everything; bad usage is exit 64.
        #expect(SafaBot.main(["export", "--since", "2020-01-01", "--status", "accepted", "--out", csv, "--db", db]) == 0)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: csv)), as: UTF8.self).components(separatedBy: "\r\n").count == 2)
        #expect(SafaBot.main(["export", "--since", "2026-13-01", "--db", db]) == 64)
        #expect(SafaBot.main(["export", "--since", "2020-01-01", "--format", "xlsx", "--db", db]) == 64)
    }

    @Test func csvValuesAreQuotedAndFormulasNeutralised() {
        #expect(RequestExport.csvLine(["a,b", "say \"hi\"", "=SUM(A1)", "plain"]) == "\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),plain\r\n")
    }
}
