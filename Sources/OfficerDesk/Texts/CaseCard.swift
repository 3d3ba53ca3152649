import BotRuntime
public import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The case card posted in the case's topic, the topic's name, and short descriptions of what was sent.
public enum CaseCard {
    /// Transcript lines shown on a card.
    public static let transcriptLines = 10
    /// Telegram's limit on a topic name.
    public static let topicNameLimit = 128

    /// The card in Arabic: heading, queue, reason, step, each field "label: value" (sensitive ones masked),
    /// and the last ``transcriptLines`` lines (notes included, marked as such).
    public static func render(_ c: Case, config: OfficerConfiguration) -> String {
        let t = config.texts
        let title = config.queue(c.queue)?.title ?? c.queue
        var lines = [
            "🆕 \(t.cardTitle) \(ArabicText.isolate(c.id))",
            "\(t.cardQueue): \(title)",
            "\(channelLabel): \(channelName(c.key.channel))",
            "\(t.cardReason): \(c.reason)",
        ]
        if let from = c.from { lines.append("\(t.cardFrom): \(ArabicText.isolate(from.description))") }
        lines.append("")
        lines.append("\(t.cardFields):")
        let shown = c.fields.filter { $0.value != .skipped }
        if shown.isEmpty { lines.append(t.cardNoFields) }
        for field in shown { lines.append("• \(field.label): \(display(field))") }
        let recent = c.transcript.suffix(transcriptLines)
        if !recent.isEmpty {
            lines.append("")
            lines.append("\(t.cardTranscript):")
            for entry in recent { lines.append("\(speaker(entry.who, config)): \(entry.text)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The card line naming the beneficiary's channel.
    public static let channelLabel = "القناة"

    /// A channel's name in Arabic, for officers ("telegram" → "تيليجرام"); an unknown one as it is.
    public static func channelName(_ channel: String) -> String {
        switch channel {
        case "telegram": "تيليجرام"
        case "whatsapp": "واتساب"
        case "web": "محادثة الموقع"
        case "terminal": "الطرفية"
        default: ArabicText.isolate(channel)
        }
    }

    /// A field's value for officers: sensitive values (national ID, iqama) show only their last four characters.
    public static func display(_ field: FieldEntry) -> String {
        let value = field.value.display
        return field.sensitive ? mask(value) : ArabicText.isolate(value)
    }

    /// "••••••1234": six dots and the last four characters (all dots when four or fewer).
    public static func mask(_ value: String) -> String {
        let visible = value.count > 4 ? String(value.suffix(4)) : ""
        return ArabicText.isolate("••••••" + visible)
    }

    /// "<queue title> · <case id> · <reason>", cut to 128 UTF-16 units (what Telegram counts) at a
    /// grapheme boundary, ending in "…" when cut.
    public static func topicName(_ c: Case, config: OfficerConfiguration) -> String {
        let title = config.queue(c.queue)?.title ?? c.queue
        return truncate("\(title) · \(c.id) · \(c.reason)", limit: topicNameLimit)
    }

    /// `text` cut so that it fits `limit` UTF-16 units without splitting a character.
    public static func truncate(_ text: String, limit: Int) -> String {
        let flattened = text.replacing("\n", with: " ")
        guard flattened.utf16.count > limit else { return flattened }
        var out = ""
        var used = 1  // the ellipsis
        for character in flattened {
            let size = character.utf16.count
            guard used + size <= limit else { break }
            out.append(character)
            used += size
        }
        return out.trimmed + "…"
    }

    /// The claim button under a card.
    public static func claimButton(_ c: Case, _ config: OfficerConfiguration) -> Button {
        Button(payload: CaseBook.claimPayloadPrefix + c.id, label: config.texts.claimButton)
    }

    /// The case id a claim button's payload names.
    public static func caseID(fromClaimPayload payload: String) -> String? {
        guard payload.hasPrefix(CaseBook.claimPayloadPrefix) else { return nil }
        let id = String(payload.dropFirst(CaseBook.claimPayloadPrefix.count))
        return id.isEmpty ? nil : id
    }

    /// A transcript line for what the beneficiary sent.
    public static func describe(_ content: EventContent) -> String {
        switch content {
        case .start: "/start"
        case .text(let text): text
        case .button(let payload): "[زر: \(payload)]"
        case .attachment(let a):
            a.kind == .photo ? "[صورة]" : "[ملف\(a.fileName.map { ": \($0)" } ?? "")]"
        case .location(let lat, let lon): "[موقع: \(lat), \(lon)]"
        case .unsupported(let kind): "[رسالة لا يقرؤها البوت: \(kind)]"
        case .handBack: "[أعيدت المحادثة إلى البوت]"
        case .requestStatus(let reference, let status, _): "[تغيرت حالة الطلب \(reference): \(status)]"
        }
    }

    static func speaker(_ who: Speaker, _ config: OfficerConfiguration) -> String {
        let t = config.texts
        switch who {
        case .beneficiary: return t.whoBeneficiary
        case .bot: return t.whoBot
        case .officer(let id): return config.resolveOfficer(id: id)?.name ?? id
        case .note(let id): return "📝 \(t.whoNote) (\(config.resolveOfficer(id: id)?.name ?? id))"
        }
    }
}
