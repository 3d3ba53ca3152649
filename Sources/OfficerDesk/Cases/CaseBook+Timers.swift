#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

extension CaseBook {
    /// Fires every stored timer due at `now`: a passed claim deadline tells the beneficiary (keep waiting or
    /// go back to the menu) and reminds officers; reminders then repeat. Timers only fire in working hours;
    /// one due outside them moves to the next opening.
    public mutating func tick(now: Date, config: OfficerConfiguration) -> [CaseEffect] {
        let hours = config.workingHours
        var effects: [CaseEffect] = []
        for c in cases.values.sorted(by: { $0.number < $1.number }) {
            guard case .waiting(let since) = c.state else { continue }
            let queue = config.queue(c.queue)
            let every = Double(queue?.reminderEveryMinutes ?? 10) * 60
            if let deadline = c.claimDeadline, deadline <= now {
                guard hours.isOpen(at: now) else {
                    cases[c.id]?.claimDeadline = Self.claimDeadline(from: now, queue: queue, hours: hours)
                    continue
                }
                cases[c.id]?.claimDeadline = nil
                cases[c.id]?.nextReminder = now.addingTimeInterval(every)
                effects.append(.tellBeneficiary(c.key, .claimTimeout))
                effects.append(reminder(c, since: since, now: now, config: config))
                effects.append(
                    .audit(
                        AuditEntry(
                            actor: "system", action: "timeout", caseID: c.id, at: now, via: "bot", detail: c.queue)))
            } else if let next = c.nextReminder, next <= now {
                guard hours.isOpen(at: now) else {
                    cases[c.id]?.nextReminder = hours.nextOpening(after: now)
                    continue
                }
                cases[c.id]?.nextReminder = now.addingTimeInterval(every)
                effects.append(reminder(c, since: since, now: now, config: config))
            }
        }
        return effects
    }

    func reminder(_ c: Case, since: Date, now: Date, config: OfficerConfiguration) -> CaseEffect {
        let minutes = max(0, Int(now.timeIntervalSince(since) / 60))
        let text = OfficerTexts.fill(config.texts.topicReminder, ["case": c.id, "minutes": String(minutes)])
        return .remindOfficers(queue: c.queue, caseID: c.id, text: text)
    }
}
