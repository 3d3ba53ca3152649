/// Facts about the association that the policy does not give — telephone, WhatsApp number, e-mail,
/// website, address, working hours — set by the admin in `config/` and shown in FAQ answers as
/// `{{contact.phone}}`, `{{hours}}`… so that no one edits dialogs to change a phone number, and no dialog
/// invents one.
///
/// A fact the admin has not set yet is not guessed: the answer line that names it is left out (and
/// `safa-bot check` says which), so a beneficiary never reads a placeholder.
public struct AssociationFacts: Sendable, Equatable {
    /// Every name an FAQ answer may use, with what it means (for error messages and the config file).
    public static let names: [String: String] = [
        "contact.phone": "the association's telephone number",
        "contact.whatsapp": "the association's WhatsApp number",
        "contact.email": "the association's e-mail address",
        "contact.website": "the association's website",
        "contact.address": "the association's address, in Arabic",
        "contact.map": "a map link to the association's premises",
        "contact.social": "the association's social media accounts",
        "hours": "the officers' working hours, in Arabic (from the officers' configuration)",
    ]

    /// Set facts by name; a name that is absent or empty is not set.
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    /// A fact named in an answer but not set: the line left out, for the admin.
    public struct Omission: Sendable, Equatable, CustomStringConvertible {
        public var topicID: String
        public var name: String
        public var line: String

        public var description: String {
            "FAQ topic '\(topicID)': '{{\(name)}}' is not set in config/, so the line «\(line)» is left out"
        }
    }

    /// `answer` with every fact filled in, and each line naming an unset fact left out.
    public func fill(_ answer: String) -> (text: String, unset: [(name: String, line: String)]) {
        guard Template.hasPlaceholders(answer) else { return (answer, []) }
        var kept: [Substring] = []
        var unset: [(name: String, line: String)] = []
        for line in answer.split(separator: "\n", omittingEmptySubsequences: false) {
            let missing = Template.names(in: String(line)).filter { values[$0] == nil }
            if missing.isEmpty {
                kept.append(Substring(Template.render(String(line), values)))
            } else {
                unset += missing.map { ($0, String(line)) }
            }
        }
        return (kept.joined(separator: "\n"), unset)
    }
}

extension DialogBundle {
    /// This bundle with the association's facts in its FAQ answers, and what had to be left out.
    public func filling(_ facts: AssociationFacts) -> (bundle: DialogBundle, omissions: [AssociationFacts.Omission]) {
        var bundle = self
        var omissions: [AssociationFacts.Omission] = []
        for index in bundle.faq.topics.indices {
            let topic = bundle.faq.topics[index]
            let (text, unset) = facts.fill(topic.answer)
            bundle.faq.topics[index].answer = text
            omissions += unset.map { AssociationFacts.Omission(topicID: topic.id, name: $0.name, line: $0.line) }
        }
        return (bundle, omissions)
    }
}
