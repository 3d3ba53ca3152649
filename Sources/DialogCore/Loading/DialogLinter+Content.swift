/// A text written in a node, with what the linter must know to check it.
struct TextUse {
    enum Kind { case say, label, validation }
    var path: [JSONPathComponent]
    var text: String
    var kind: Kind
    /// Empty is an error for required texts; optional ones may be empty.
    var required: Bool
}

extension Node {
    /// Every text of the node, relative paths included.
    var textUses: [TextUse] {
        var uses: [TextUse] = []
        func say(_ key: String, _ text: String?, required: Bool = true) {
            if let text { uses.append(TextUse(path: [.key(key)], text: text, kind: .say, required: required)) }
        }
        func label(_ key: String, _ text: String) {
            uses.append(TextUse(path: [.key(key)], text: text, kind: .label, required: true))
        }
        func options(_ options: [Option], at prefix: [JSONPathComponent]) {
            for (k, option) in options.enumerated() {
                uses.append(
                    TextUse(
                        path: prefix + [.index(k), .key("label")], text: option.label, kind: .label, required: true))
            }
        }
        switch body {
        case .message(let text, _): say("text", text)
        case .menu(let text, let opts):
            say("text", text)
            options(opts, at: [.key("options")])
        case .inquiry(let n): say("text", n.text)
        case .form(let n):
            say("intro", n.intro, required: false)
            for (j, field) in n.fields.enumerated() {
                let base: [JSONPathComponent] = [.key("fields"), .index(j)]
                uses.append(TextUse(path: base + [.key("prompt")], text: field.prompt, kind: .say, required: true))
                uses.append(TextUse(path: base + [.key("label")], text: field.label, kind: .say, required: true))
                if let e = field.error {
                    uses.append(TextUse(path: base + [.key("error")], text: e, kind: .validation, required: true))
                }
                for code in field.errors.keys.sorted() {
                    uses.append(
                        TextUse(
                            path: base + [.key("errors"), .key(code)], text: field.errors[code]!, kind: .validation,
                            required: true))
                }
                options(field.options, at: base + [.key("options")])
            }
        case .review(let n):
            say("text", n.text)
            label("confirmLabel", n.confirmLabel)
            label("editLabel", n.editLabel)
            say("editPrompt", n.editPrompt)
        case .attestation(let n):
            say("statement", n.statement)
            label("acceptLabel", n.acceptLabel)
            label("declineLabel", n.declineLabel)
        case .submit(let n):
            say("requestType", n.requestType)
            say("text", n.text)
        case .status(let n):
            say("text", n.text)
            say("itemText", n.itemText)
            say("emptyText", n.emptyText)
        case .handoff(let n):
            say("queue", n.queue)
            say("text", n.text)
            say("textOutsideHours", n.textOutsideHours)
            say("reason", n.reason)
        case .survey(let n):
            say("text", n.text)
            options(n.options, at: [.key("options")])
            say("thanks", n.thanks)
        case .end(let text): say("text", text, required: false)
        }
        return uses
    }
}

extension LintContext {
    static let buttonLimit = 20
    static let listRowLimit = 24
    static let callbackLimit = 64

    mutating func checkContent(of flow: LintFlow) {
        let fieldNames = templateFieldNames(in: flow)
        var firstID: [String: Int] = [:]
        for (index, node) in flow.nodes {
            let idPath = LintContext.nodePath(index, .key("id"))
            if let first = firstID[node.id] {
                error(
                    flow.file, idPath,
                    "duplicate node id '\(node.id)' in flow '\(flow.name)' (first at \(positionText(flow.file, LintContext.nodePath(first, .key("id")))))"
                )
            } else {
                firstID[node.id] = index
            }
            for use in node.textUses {
                let path = LintContext.nodePath(index) + use.path
                let key = use.path.last.map { if case .key(let k) = $0 { k } else { "text" } } ?? "text"
                if use.required && use.text.trimmingWhitespace.isEmpty {
                    error(flow.file, path, "'\(key)' of node '\(node.id)' is empty")
                    continue
                }
                if use.kind == .label { checkLabelLength(use.text, file: flow.file, path: path) }
                let allowed: Set<String> =
                    use.kind == .validation
                    ? ["min", "max"] : allowedTemplateNames(node: node, key: key, fieldNames: fieldNames)
                checkTemplates(use.text, allowed: allowed, file: flow.file, path: path)
            }
            checkStructure(of: node, index: index, in: flow)
        }
    }

    mutating func checkStructure(of node: Node, index: Int, in flow: LintFlow) {
        switch node.body {
        case .menu(_, let options):
            if options.isEmpty {
                error(flow.file, LintContext.nodePath(index, .key("options")), "menu '\(node.id)' has no options")
            }
            checkOptions(options, node: node, flow: flow, path: LintContext.nodePath(index, .key("options")))
        case .survey(let survey):
            if survey.options.isEmpty {
                error(flow.file, LintContext.nodePath(index, .key("options")), "survey '\(node.id)' has no options")
            }
            checkOptions(survey.options, node: node, flow: flow, path: LintContext.nodePath(index, .key("options")))
        case .form(let form):
            if form.fields.isEmpty {
                error(flow.file, LintContext.nodePath(index, .key("fields")), "form '\(node.id)' has no fields")
            }
            var firstField: [String: Int] = [:]
            for (j, field) in form.fields.enumerated() {
                let base = LintContext.nodePath(index, .key("fields"), .index(j))
                if let first = firstField[field.id] {
                    error(
                        flow.file, base + [.key("id")],
                        "duplicate field id '\(field.id)' in form '\(node.id)' (first at \(positionText(flow.file, LintContext.nodePath(index, .key("fields"), .index(first), .key("id")))))"
                    )
                } else {
                    firstField[field.id] = j
                }
                checkField(field, node: node, flow: flow, path: base)
            }
        default: break
        }
    }

    mutating func checkField(_ field: FormField, node: Node, flow: LintFlow, path: [JSONPathComponent]) {
        if !LintContext.isASCIIIdentifier(field.id) {
            error(
                flow.file, path + [.key("id")],
                "field id '\(field.id)' must be an ASCII identifier (letters, digits, '_'; not starting with a digit)")
        }
        if field.type == .choice && field.options.isEmpty {
            error(flow.file, path + [.key("type")], "choice field '\(field.id)' has no options")
        }
        if field.type != .choice && !field.options.isEmpty {
            warning(
                flow.file, path + [.key("options")],
                "field '\(field.id)' of type \(field.type.rawValue) ignores its options")
        }
        if field.type == .choice { checkOptions(field.options, node: node, flow: flow, path: path + [.key("options")]) }
        if let min = field.min, let max = field.max, min > max {
            error(
                flow.file, path + [.key("min")],
                "field '\(field.id)': min \(FieldValue.decimal(min).display) is greater than max \(FieldValue.decimal(max).display)"
            )
        }
        if let min = field.minLength, let max = field.maxLength, min > max {
            error(
                flow.file, path + [.key("minLength")],
                "field '\(field.id)': minLength \(min) is greater than maxLength \(max)")
        }
        if let attempts = field.maxAttempts, attempts < 1 {
            error(flow.file, path + [.key("maxAttempts")], "field '\(field.id)': 'maxAttempts' must be at least 1")
        }
        for code in field.errors.keys.sorted() where !ValidationFailure.allCodes.contains(code) {
            warning(
                flow.file, path + [.key("errors"), .key(code)],
                "unknown validation code '\(code)'; known codes: \(ValidationFailure.allCodes.joined(separator: ", "))")
        }
    }

    /// Option ids are button payloads: ASCII, unique, and short enough for Telegram's 64-byte callback data.
    mutating func checkOptions(_ options: [Option], node: Node, flow: LintFlow, path: [JSONPathComponent]) {
        checkAmbiguousWords(options, node: node, flow: flow, path: path)
        var first: [String: Int] = [:]
        for (k, option) in options.enumerated() {
            let optionPath = path + [.index(k), .key("id")]
            if let earlier = first[option.id] {
                error(
                    flow.file, optionPath,
                    "duplicate option id '\(option.id)' in node '\(node.id)' (option \(earlier + 1) has it too; options without an id take their position)"
                )
                continue
            }
            first[option.id] = k
            guard
                option.id.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
                })
            else {
                error(
                    flow.file, optionPath, "option id '\(option.id)' must use only ASCII letters, digits, '_' and '-'")
                continue
            }
            let payload = "999999:\(flow.name).\(node.id):\(option.id)"
            if payload.utf8.count > LintContext.callbackLimit {
                error(
                    flow.file, optionPath,
                    "button data '\(payload)' is \(payload.utf8.count) bytes; Telegram allows \(LintContext.callbackLimit) (shorten the flow, node or option id)"
                )
            }
        }
    }

    /// Two options of one menu that answer to the same words (labels or synonyms, compared as the matcher
    /// compares them): whatever the beneficiary typed, the first would always win.
    mutating func checkAmbiguousWords(_ options: [Option], node: Node, flow: LintFlow, path: [JSONPathComponent]) {
        var owner: [String: Int] = [:]
        for (k, option) in options.enumerated() {
            let words =
                [(option.label, path + [.index(k), .key("label")])]
                + option.synonyms.enumerated().map { ($0.element, path + [.index(k), .key("synonyms"), .index($0.offset)]) }
            var own: Set<String> = []
            for (word, wordPath) in words {
                let key = ArabicText.matchKey(word)
                guard !key.isEmpty, own.insert(key).inserted else { continue }
                if let earlier = owner[key] {
                    error(
                        flow.file, wordPath,
                        "options \(earlier + 1) and \(k + 1) of node '\(node.id)' both answer to «\(word)» (a label or "
                            + "synonym): a beneficiary who types it always gets option \(earlier + 1)")
                } else {
                    owner[key] = k
                }
            }
        }
    }

    mutating func checkLabelLength(_ label: String, file: String, path: [JSONPathComponent]) {
        let count = label.count
        if count > LintContext.listRowLimit {
            warning(
                file, path,
                "label is \(count) characters, too long for a WhatsApp list row (\(LintContext.listRowLimit))")
        } else if count > LintContext.buttonLimit {
            warning(
                file, path,
                "label is \(count) characters, longer than WhatsApp's \(LintContext.buttonLimit)-character button title; it will be shown as a list row (\(LintContext.listRowLimit)) or numbered text"
            )
        }
    }

    /// Every validation code needs a text: bot-wide in `validation`, or in each field's `errors`.
    mutating func checkValidationTexts() {
        guard let settings = input.settings else { return }
        let file = sources.botFile
        let fields = input.flows.flatMap {
            $0.nodes.flatMap { entry -> [FormField] in
                if case .form(let form) = entry.node.body { return form.fields }
                return []
            }
        }
        for code in ValidationFailure.allCodes where settings.validation[code] == nil {
            if fields.contains(where: { $0.errors[code] == nil }) {
                warning(
                    file, [.key("validation")],
                    "no text for validation code '\(code)' in bot.json 'validation' nor in every field's 'errors'; the field's 'error' text or a generic text is shown"
                )
            }
        }
        for code in settings.validation.keys.sorted() {
            let path: [JSONPathComponent] = [.key("validation"), .key(code)]
            if !ValidationFailure.allCodes.contains(code) {
                warning(
                    file, path,
                    "unknown validation code '\(code)'; known codes: \(ValidationFailure.allCodes.joined(separator: ", "))"
                )
            }
            let text = settings.validation[code]!
            if text.trimmingWhitespace.isEmpty {
                error(file, path, "validation text '\(code)' is empty")
                continue
            }
            checkTemplates(text, allowed: ["min", "max"], file: file, path: path)
        }
        let texts = settings.texts
        let entries: [(String, String, Bool)] = [
            ("noMatch", texts.noMatch, false), ("offerOfficer", texts.offerOfficer, false),
            ("offerOfficerYes", texts.offerOfficerYes, true),
            ("offerOfficerNo", texts.offerOfficerNo, true), ("resumePrompt", texts.resumePrompt, false),
            ("resumeYes", texts.resumeYes, true),
            ("resumeNo", texts.resumeNo, true), ("cancelled", texts.cancelled, false),
            ("nothingToGoBack", texts.nothingToGoBack, false),
            ("unexpectedAttachment", texts.unexpectedAttachment, false),
            ("expectedAttachment", texts.expectedAttachment, false),
            ("skip", texts.skip, true), ("staleButton", texts.staleButton, false),
        ]
        for (key, text, isLabel) in entries {
            let path: [JSONPathComponent] = [.key("texts"), .key(key)]
            if text.trimmingWhitespace.isEmpty {
                error(file, path, "text '\(key)' is empty")
                continue
            }
            if isLabel { checkLabelLength(text, file: file, path: path) }
            checkTemplates(text, allowed: [], file: file, path: path)
        }
        let commands = settings.commands
        for (key, words) in [
            ("mainMenu", commands.mainMenu), ("back", commands.back), ("cancel", commands.cancel),
            ("officer", commands.officer),
        ] {
            if words.isEmpty { warning(file, [.key("commands"), .key(key)], "no words for the '\(key)' command") }
            for (k, word) in words.enumerated() where ArabicText.matchKey(word).isEmpty {
                error(
                    file, [.key("commands"), .key(key), .index(k)],
                    "command word \(k + 1) of '\(key)' is empty after normalisation")
            }
        }
    }

    static func isASCIIIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else {
            return false
        }
        return s.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return Substring(scalars[start...end])
    }
}
