/// Which keys each kind of object in the dialog files requires and allows; mirrors the model's decoders
/// so every missing or misspelt key is reported at once (a decoder stops at the first).
enum DialogKeys {
    struct Shape {
        var required: [String]
        var optional: [String]
        var allowed: Set<String> { Set(required + optional) }
    }

    static let schemaKey = "$schema"

    static let bot = Shape(
        required: [
            "version", "start", "mainMenu", "officer", "idleTimeoutMinutes", "maxAttempts", "commands", "texts",
            "validation",
        ],
        optional: [schemaKey, "survey", "requests"])
    static let requests = Shape(
        required: [
            "statusNotice", "statuses", "reasonLine", "needsInfoPrompt", "needsInfoDone", "needsInfoReceived",
            "needsInfoThanks",
        ],
        optional: [
            "decisionDays", "duplicate", "duplicateElsewhere", "lookupPrompt", "lookupFound", "lookupWrong", "lookupLimit",
            "lookupAttemptsPerHour",
        ])
    static let commands = Shape(required: ["mainMenu", "back", "cancel", "officer"], optional: [])
    static let texts = Shape(
        required: [
            "noMatch", "offerOfficer", "offerOfficerYes", "offerOfficerNo", "resumePrompt", "resumeYes", "resumeNo",
            "cancelled", "nothingToGoBack", "unexpectedAttachment", "expectedAttachment", "skip", "staleButton",
        ],
        optional: ["unsupportedMessage", "handedBack"])
    static let faq = Shape(
        required: ["version", "synonyms", "topics"], optional: [schemaKey, "ignore", "outOfScope", "replies"])
    static let replies = Shape(required: [], optional: ["clarify", "outOfScope", "notUnderstood"])
    static let topic = Shape(
        required: ["id", "title", "answer"], optional: ["keywords", "examples", "goto", "social", "greetBack"])
    static let flow = Shape(required: ["version", "flow", "nodes"], optional: ["title", schemaKey])
    static let option = Shape(required: ["label"], optional: ["id", "synonyms", "goto"])
    static let field = Shape(
        required: ["id", "type", "prompt"],
        optional: [
            "label", "error", "errors", "required", "min", "max", "minLength", "maxLength", "options", "maxAttempts",
            "onExhausted", "sensitive",
        ])

    /// Keys per node type, besides `id` and `type`.
    static let nodes: [String: Shape] = [
        "message": Shape(required: ["text", "next"], optional: []),
        "menu": Shape(required: ["text", "options"], optional: []),
        "inquiry": Shape(required: ["text", "next"], optional: ["topics", "maxAttempts", "onNoMatch"]),
        "form": Shape(required: ["fields", "next"], optional: ["intro"]),
        "review": Shape(required: ["form", "text", "confirmLabel", "editLabel", "editPrompt", "next"], optional: []),
        "attestation": Shape(
            required: ["form", "statement", "acceptLabel", "declineLabel", "next", "onDecline"], optional: []),
        "submit": Shape(required: ["form", "requestType", "text", "next"], optional: []),
        "status": Shape(required: ["text", "itemText", "emptyText", "next"], optional: ["statusTexts"]),
        "handoff": Shape(required: ["queue", "text", "reason"], optional: ["textOutsideHours"]),
        "survey": Shape(required: ["text", "options", "thanks", "next"], optional: []),
        "end": Shape(required: [], optional: ["text"]),
    ]

    /// Checks `object` against `shape`: one error per missing key (at the object), one warning per unknown key (at the key).
    static func check(
        _ object: JSONValue, _ shape: Shape, file: String, subject: String, into findings: inout [Finding]
    ) {
        let present = Set(object.members.map(\.key))
        for key in shape.required where !present.contains(key) {
            findings.append(finding(.error, file, object, "\(subject) is missing required key '\(key)'"))
        }
        let allowed = shape.allowed
        for member in object.members where !allowed.contains(member.key) {
            var message = "unknown key '\(member.key)' in \(subject); it is ignored"
            if let guess = closest(to: member.key, in: allowed) { message += " (did you mean '\(guess)'?)" }
            findings.append(
                Finding(
                    severity: .warning, file: file, line: member.keyPosition.line, column: member.keyPosition.column,
                    path: member.value.pathString, message: message))
        }
    }

    static func finding(_ severity: Finding.Severity, _ file: String, _ value: JSONValue, _ message: String) -> Finding
    {
        Finding(
            severity: severity, file: file, line: value.position.line, column: value.position.column,
            path: value.pathString, message: message)
    }

    /// The allowed key within edit distance 2 (case-insensitive), for "did you mean".
    static func closest(to key: String, in allowed: Set<String>) -> String? {
        let candidates = allowed.sorted().map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < key.count else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
