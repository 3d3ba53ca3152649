import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A case as the officer API lists it. Field names are stable.
struct CaseSummaryJSON: Encodable {
    var id: String
    var queue: String
    var queueTitle: String
    var reason: String
    /// "waiting", "claimed", "released", "closed".
    var state: String
    var channel: String
    var openedAt: Date
    var waitingSince: Date?
    var position: Int?
    var claimedBy: String?
    var claimedByName: String?
    var claimedAt: Date?
    var endedAt: Date?

    init(_ c: Case, book: CaseBook, config: OfficerConfiguration) {
        id = c.id
        queue = c.queue
        queueTitle = config.queue(c.queue)?.title ?? c.queue
        reason = c.reason
        state = c.state.name
        channel = c.key.channel
        openedAt = c.openedAt
        position = book.position(of: c.id)
        endedAt = c.endedAt
        switch c.state {
        case .waiting(let since): waitingSince = since
        case .claimed(let officer, let at):
            claimedBy = officer
            claimedByName = config.resolveOfficer(id: officer)?.name
            claimedAt = at
        case .released, .closed: break
        }
    }
}

/// A case with its form data (sensitive values masked) and transcript.
struct CaseDetailJSON: Encodable {
    struct Field: Encodable {
        var id: String
        var label: String
        var value: String
        var sensitive: Bool
    }

    struct Line: Encodable {
        /// "beneficiary", "officer", "bot" or "note".
        var who: String
        var officer: String?
        var text: String
        var at: Date
    }

    var summary: CaseSummaryJSON
    var from: String?
    var fields: [Field]
    var transcript: [Line]

    init(_ c: Case, book: CaseBook, config: OfficerConfiguration) {
        summary = CaseSummaryJSON(c, book: book, config: config)
        from = c.from?.description
        fields = c.fields.map { f in
            Field(
                id: f.id, label: f.label, value: f.sensitive ? CaseCard.mask(f.value.display) : f.value.display,
                sensitive: f.sensitive)
        }
        transcript = c.transcript.map { entry in
            switch entry.who {
            case .beneficiary: Line(who: "beneficiary", officer: nil, text: entry.text, at: entry.at)
            case .bot: Line(who: "bot", officer: nil, text: entry.text, at: entry.at)
            case .officer(let id): Line(who: "officer", officer: id, text: entry.text, at: entry.at)
            case .note(let id): Line(who: "note", officer: id, text: entry.text, at: entry.at)
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        enum Keys: String, CodingKey { case from, fields, transcript }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encode(fields, forKey: .fields)
        try container.encode(transcript, forKey: .transcript)
    }
}

struct CaseListJSON: Encodable { var cases: [CaseSummaryJSON] }
struct CaseEnvelopeJSON: Encodable { var `case`: CaseDetailJSON }
struct ActionResultJSON: Encodable {
    var ok = true
    var `case`: CaseSummaryJSON
}
struct ErrorJSON: Encodable {
    var error: String
    var message: String
}
