import BotRuntime
import Foundation
import Testing

@testable import DialogCore
@testable import SQLiteStore
@testable import SafaBotCLI

/// A request's life after submission, end to end on the terminal channel and the SQLite store.
@Suite struct RequestLifecycleTests {
    @Test func statusChangesAreAuditedToldOnceAndNeedsInformationCollectsIt() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("life.sqlite").path
        let reference = try VerifyCommandTests.submitOne(into: path)
        let bundle = try TestEnvironment.shippedDialogs()
        var output: [String] = []
        var store = try SQLiteRuntimeStore(path: path)
        var session = TerminalSession(store: store, dialogs: DialogHolder(bundle), session: "v") { output.append($0) }
        let at = Date()

        // The submission notice named the earliest decision date in both calendars.
        let submitted = try #require(try store.request(reference: reference))
        #expect(try store.status(ofRequest: reference) == "submitted")
        #expect(submitted.applicantID == "1023456781")

        // Illegal: straight from submitted to accepted.
        #expect(throws: StatusChangeError.illegalTransition(reference: reference, from: .submitted, to: .accepted)) {
            try store.changeStatus(StatusChange(reference: reference, to: .accepted, actor: "mona", via: "api", at: at))
        }
        #expect(throws: StatusChangeError.unknownRequest("000000000")) {
            try store.changeStatus(StatusChange(reference: "000000000", to: .inReview, actor: "mona", via: "api", at: at))
        }

        _ = try store.changeStatus(StatusChange(reference: reference, to: .inReview, actor: "mona", via: "api", at: at))
        _ = try store.changeStatus(
            StatusChange(
                reference: reference, to: .needsInfo, actor: "mona", reason: "صورة عقد الإيجار ساري المفعول",
                note: "the one sent has expired", via: "telegram", at: at))
        try session.open(reset: false)
        let told = output.joined(separator: "\n")
        #expect(told.contains("قيد الدراسة لدى لجنة البحث"))
        #expect(told.contains("ملاحظة الجمعية: صورة عقد الإيجار ساري المفعول"))
        #expect(!told.contains("has expired"), "the internal note is never shown to the beneficiary")
        #expect(told.contains("فضلاً أرسل المعلومات أو المستندات المطلوبة"))

        output = []
        try session.receive(line: "أرفقت العقد الجديد، ينتهي في ١٤٤٨")
        #expect(output.last?.contains("وصلنا ما أرسلته") == true)
        try session.receive(line: "1")
        #expect(output.joined().contains("أضفنا ما أرسلته إلى طلبك"))

        _ = try store.changeStatus(StatusChange(reference: reference, to: .inReview, actor: "mona", via: "api", at: at))
        _ = try store.changeStatus(
            StatusChange(reference: reference, to: .accepted, actor: "khalid", via: "api", at: at))
        try session.open(reset: false)

        let events = try store.requestEvents(reference: reference)
        #expect(events.map(\.kind) == ["status", "status", "information", "status", "status"])
        #expect(events.compactMap(\.to) == ["in_review", "needs_info", "in_review", "accepted"])
        #expect(events[1].note == "the one sent has expired")
        #expect(events[2].note == "أرفقت العقد الجديد، ينتهي في ١٤٤٨")
        #expect(events[3].actor == "mona" && events[4].actor == "khalid")
        #expect(try store.status(ofRequest: reference) == "accepted")

        // A restart: nothing is told twice.
        store = try SQLiteRuntimeStore(path: path)
        output = []
        session = TerminalSession(store: store, dialogs: DialogHolder(bundle), session: "v") { output.append($0) }
        try session.open(reset: false)
        #expect(!output.joined().contains("تمت الموافقة"))
        let notices = try Database(path: path).query(
            "SELECT count(*) FROM outbox WHERE payload_json LIKE '%تمت الموافقة على طلبك%'") { $0.int64(0) }
        #expect(notices == [1])
        // The survey after submission was put aside while information was added; answered, then the
        // follow-up list shows the new status.
        try session.receive(line: "1")
        try session.receive(line: "متابعة طلبي")
        #expect(output.joined().contains("تمت الموافقة على الطلب"))
    }

    @Test func theSubmissionNoticeStatesTheEarliestDecisionDateInHijriAndGregorian() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("date.sqlite").path
        _ = try VerifyCommandTests.submitOne(into: path)
        let rows = try Database(path: path).query(
            "SELECT payload_json FROM outbox WHERE payload_json LIKE '%فلن يصدر القرار قبل%'") { $0.string(0) ?? "" }
        let text = try #require(rows.first)
        // Submitted a moment ago: the date is fourteen days on (or the day before, across midnight in Riyadh).
        let candidates = [0.0, -120].map { DateParser.riyadhDay(Date().addingTimeInterval(14 * 86_400 + $0)) }
        #expect(candidates.contains { text.contains("\u{2066}\($0.hijri)\u{2069} هـ") })
        #expect(candidates.contains { text.contains("\u{2066}\($0.gregorian)\u{2069} م") })
    }

    @Test func theSameApplicantInTheSameChatIsToldOfTheOpenRequestAndMayAddToIt() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dup.sqlite").path
        let reference = try VerifyCommandTests.submitOne(into: path)
        let store = try SQLiteRuntimeStore(path: path)
        var output: [String] = []
        let same = TerminalSession(
            store: store, dialogs: DialogHolder(try TestEnvironment.shippedDialogs(), openRequest: store.openRequestLookup),
            session: "v"
        ) { output.append($0) }
        try same.open(reset: false)
        for line in ["القائمة", "1", "محمد عبدالله الأحمد", "1023456781"] { try same.receive(line: line) }
        let told = output.joined(separator: "\n")
        #expect(told.contains("لديك طلب قائم لدى الجمعية برقم \u{2066}\(ReferenceNumber.display(reference))\u{2069}"))
        #expect(!told.contains("فضلاً اكتب رقم جوالك"), "the duplicate form is not continued")
        try same.receive(line: "زاد عدد أفراد الأسرة بمولود جديد")
        try same.receive(line: "1")
        #expect(try store.requests(limit: 10).count == 1, "no second request")
        let events = try store.requestEvents(reference: reference)
        #expect(events.map(\.kind) == ["information"])
        #expect(events.first?.note == "زاد عدد أفراد الأسرة بمولود جديد")
        // Once the request is finished with, the same applicant may apply again.
        _ = try store.changeStatus(StatusChange(reference: reference, to: .rejected, actor: "mona", via: "api", at: Date()))
        #expect(try store.openRequest(applicantID: "1023456781", requestType: "help_request") == nil)
    }

    /// Anyone can type a national ID: from another chat nothing of the open request is shown, nothing is
    /// added to it, and no duplicate is filed; follow-up by reference and the ID's last four digits remains.
    @Test func anotherChatTypingTheSameNationalIDLearnsNothingOfTheRequestAndCannotAddToIt() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dup-other.sqlite").path
        let reference = try VerifyCommandTests.submitOne(into: path)
        let store = try SQLiteRuntimeStore(path: path)
        var output: [String] = []
        let other = TerminalSession(
            store: store, dialogs: DialogHolder(try TestEnvironment.shippedDialogs(), openRequest: store.openRequestLookup),
            session: "another-phone"
        ) { output.append($0) }
        try other.open(reset: true)
        for line in ["1", "محمد عبدالله الأحمد", "1023456781"] { try other.receive(line: line) }
        let told = output.joined(separator: "\n")
        #expect(told.contains("مسجّل برقم الهوية هذا"))
        #expect(!told.contains(ReferenceNumber.display(reference)), "the reference is not shown")
        #expect(!told.contains("فضلاً اكتب رقم جوالك"), "the duplicate form is not continued")
        try other.receive(line: "زاد عدد أفراد الأسرة بمولود جديد")
        #expect(try store.requests(limit: 10).count == 1, "no second request")
        #expect(try store.requestEvents(reference: reference).isEmpty, "nothing added to another person's request")
    }

    @Test func aRequestIsFollowedUpFromAnotherPhoneByReferenceAndLastFourDigitsWithALimit() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("follow.sqlite").path
        let reference = try VerifyCommandTests.submitOne(into: path)
        let store = try SQLiteRuntimeStore(path: path)
        var output: [String] = []
        let other = TerminalSession(
            store: store,
            dialogs: DialogHolder(
                try TestEnvironment.shippedDialogs(), openRequest: store.openRequestLookup,
                requestByReference: store.requestByReferenceLookup),
            session: "another-phone"
        ) { output.append($0) }
        try other.open(reset: true)
        let spoken = ReferenceNumber.display(reference).replacingOccurrences(of: "\u{00A0}", with: " ")
        let arabicDigits = String(
            spoken.unicodeScalars.map { $0.properties.numericType != nil ? Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) : Character($0) })
        try other.receive(line: "السلام عليكم رقم طلبي \(arabicDigits) وين وصل")
        #expect(output.last?.contains("آخر أربعة أرقام") == true)
        try other.receive(line: "٦٧٨١")
        let found = output.joined(separator: "\n")
        #expect(found.contains("تاريخ التقديم"))
        #expect(found.contains("الحالة: تم استلام طلبك"))

        // Wrong digits three times: then even the right ones are refused for the hour.
        output = []
        for _ in 0..<3 {
            try other.receive(line: reference)
            try other.receive(line: "0000")
        }
        #expect(output.joined().contains("تجاوزت عدد المحاولات"))
        output = []
        try other.receive(line: reference)
        #expect(output.joined().contains("تجاوزت عدد المحاولات"))
        #expect(!output.joined().contains("آخر أربعة أرقام"))
    }
}
