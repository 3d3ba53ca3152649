import DialogCore
import Foundation
import Testing

@testable import OfficerDesk

@Suite struct StatusCommandTests {
    @Test func aStatusCommandReadsTheReferenceInGroupsTheStatusTheReasonAndTheNote() throws {
        let reference = ReferenceNumber.make(sequence: 31)
        let grouped = ReferenceNumber.display(reference).replacingOccurrences(of: "\u{00A0}", with: " ")
        let command = try #require(
            StatusCommand.parse("/status@SafaBot \(grouped) needs_info صورة الهوية سارية // old one expired"))
        #expect(command.reference == reference)
        #expect(command.status == .needsInfo)
        #expect(command.reason == "صورة الهوية سارية")
        #expect(command.note == "old one expired")
        #expect(StatusCommand.parse("/status \(reference) accept")?.status == .accepted)
        #expect(StatusCommand.parse("/status \(reference) قبول")?.status == .accepted)
    }

    @Test func otherTextIsNotAStatusCommandAndMissingPartsAreKeptForTheUsageAnswer() {
        #expect(StatusCommand.parse("/claim") == nil)
        #expect(StatusCommand.parse("status 123") == nil)
        let bare = StatusCommand.parse("/status")
        #expect(bare?.reference == "" && bare?.status == nil)
        #expect(StatusCommand.parse("/status 123456789 flying")?.status == nil)
        #expect(StatusCommand.usage.contains("needs_info"))
    }
}

@Suite struct RequestStatusTests {
    @Test func onlyTheLifecycleTransitionsAreAllowed() {
        #expect(RequestStatus.submitted.allowedNext.contains(.inReview))
        #expect(!RequestStatus.submitted.allowedNext.contains(.accepted))
        #expect(RequestStatus.needsInfo.allowedNext.contains(.inReview))
        #expect(RequestStatus.accepted.allowedNext == [.closed])
        #expect(RequestStatus.closed.allowedNext.isEmpty)
        #expect(RequestStatus.allCases.filter(\.isOpen) == [.submitted, .inReview, .needsInfo])
    }
}
