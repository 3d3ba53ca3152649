public import DialogCore

extension OfficerTexts {
    /// The Arabic message for a notice, with the keep-waiting / main-menu buttons after a claim timeout.
    public func message(for notice: BeneficiaryNotice, config: OfficerConfiguration) -> OutgoingMessage {
        func title(_ queue: String) -> String { config.queue(queue)?.title ?? queue }
        func number(_ n: Int) -> String { ArabicText.isolate(String(n)) }
        switch notice {
        case .waiting(let position, let queue):
            return OutgoingMessage(text: Self.fill(waiting, ["position": number(position), "queue": title(queue)]))
        case .outsideHours(let position, let queue, let opening, let asOf):
            let values = ["position": number(position), "queue": title(queue)]
            guard let opening else { return OutgoingMessage(text: Self.fill(outsideHoursNoOpening, values)) }
            let when = ArabicTime.opening(opening, now: asOf, in: config.workingHours)
            return OutgoingMessage(text: Self.fill(outsideHours, values.merging(["opening": when]) { $1 }))
        case .claimTimeout:
            return OutgoingMessage(
                text: claimTimeout,
                buttons: [
                    Button(payload: CaseBook.keepWaitingPayload, label: keepWaitingButton),
                    Button(payload: CaseBook.mainMenuPayload, label: mainMenuButton),
                ])
        case .keepWaiting(let position):
            return OutgoingMessage(text: Self.fill(keepWaiting, ["position": number(position)]))
        case .officerJoined(let name, let queue):
            return OutgoingMessage(text: Self.fill(officerJoined, ["name": name, "queue": queue]))
        case .transferred(let queue, let position):
            return OutgoingMessage(text: Self.fill(transferred, ["queue": queue, "position": number(position)]))
        case .handedBack:
            return OutgoingMessage(text: handedBack)
        }
    }
}
