import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs conversation scripts against a dialog bundle, through the pure engine.
struct ScriptRunner {
    let engine: DialogEngine
    /// Scripts start on a Sunday morning in Riyadh, inside working hours.
    static let startDate = Date(timeIntervalSince1970: 1_767_506_400)  // 2026-01-04 06:00 UTC

    struct Failure: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var message: String
        var description: String { "\(file):\(line): error: \(message)" }
    }

    /// Runs every conversation of `script`; returns one failure per failing conversation (it stops at the first).
    func run(_ script: ConversationScript) -> (passed: Int, failures: [Failure]) {
        var passed = 0
        var failures: [Failure] = []
        for conversation in script.conversations {
            if let failure = run(conversation, file: script.file) {
                failures.append(failure)
            } else {
                passed += 1
            }
        }
        return (passed, failures)
    }

    private func run(_ conversation: ConversationScript.Conversation, file: String) -> Failure? {
        var state = ConversationState()
        var now = Self.startDate
        var sequence: Int64 = 0
        var turn: [OutgoingMessage] = []
        var consumed = 0
        var lastChecked: OutgoingMessage?
        var lastWithButtons: OutgoingMessage?

        func fail(_ step: ConversationScript.Step, _ message: String) -> Failure {
            Failure(file: file, line: step.line, message: message)
        }
        func send(_ content: EventContent) {
            sequence += 1
            now += 1
            let result = engine.step(state, Event(content, receivedAt: now, sequence: sequence))
            state = result.state
            turn = result.effects.compactMap { if case .send(let m) = $0 { m } else { nil } }
            consumed = 0
            lastChecked = nil
            if let withButtons = turn.last(where: { !$0.buttons.isEmpty }) { lastWithButtons = withButtons }
        }
        func nextMessage(_ step: ConversationScript.Step) -> Result<OutgoingMessage, Failure> {
            guard consumed < turn.count else {
                let said = turn.isEmpty ? "nothing" : "only \(turn.count) message(s)"
                return .failure(fail(step, "expected another bot message, but the bot said \(said) this turn"))
            }
            consumed += 1
            lastChecked = turn[consumed - 1]
            return .success(turn[consumed - 1])
        }

        for step in conversation.steps {
            switch step.action {
            case .start: send(.start)
            case .send(let text): send(.text(text))
            case .photo: send(.attachment(Attachment(kind: .photo, fileID: "script-photo-\(sequence + 1)")))
            case .document(let name):
                send(.attachment(Attachment(kind: .document, fileID: "script-doc-\(sequence + 1)", fileName: name)))
            case .location(let latitude, let longitude): send(.location(latitude: latitude, longitude: longitude))
            case .press(let label):
                guard let button = lastWithButtons?.buttons.first(where: { $0.label == label }) else {
                    let labels = lastWithButtons?.buttons.map(\.label).joined(separator: " | ") ?? "none"
                    return fail(step, "no button [\(label)] on the bot's latest message (buttons: \(labels))")
                }
                send(.button(payload: button.payload))
            case .wait(let seconds):
                now += seconds
            case .expectContains(let expected):
                switch nextMessage(step) {
                case .failure(let failure): return failure
                case .success(let message):
                    guard Self.plain(message.text).contains(Self.plain(expected)) else {
                        return fail(step, "expected the bot to say \"\(expected)\", but it said:\n\(message.text)")
                    }
                }
            case .expectMatches(let pattern):
                switch nextMessage(step) {
                case .failure(let failure): return failure
                case .success(let message):
                    let text = Self.plain(message.text)
                    let regex = try? Regex(pattern)
                    guard let regex, text.contains(regex) else {
                        return fail(
                            step, "expected the bot's message to match /\(pattern)/, but it said:\n\(message.text)")
                    }
                }
            case .expectButtons(let labels):
                guard let message = lastChecked ?? turn.last else {
                    return fail(step, "expected buttons, but the bot said nothing this turn")
                }
                let actual = message.buttons.map(\.label)
                guard actual == labels else {
                    return fail(
                        step,
                        "expected buttons [\(labels.joined(separator: " | "))], got [\(actual.joined(separator: " | "))]"
                    )
                }
            case .expectNothing:
                guard turn.isEmpty else {
                    return fail(
                        step, "expected no answer, but the bot said:\n\(turn.map(\.text).joined(separator: "\n"))")
                }
            }
        }
        return nil
    }

    /// The text without bidi isolation marks, so scripts can write numbers and references plainly.
    static func plain(_ text: String) -> String {
        String(
            text.unicodeScalars.filter {
                !(0x2066...0x2069).contains($0.value) && $0.value != 0x200F && $0.value != 0x200E
            }.map(Character.init))
    }
}
