import DialogCore
import Foundation

/// Simulated beneficiaries walking the shipped dialogs, interleaved so every conversation's state is live.
struct EngineBenchmark {
    let engine: DialogEngine
    let conversations: Int

    struct Result {
        var steps: Int
        var seconds: Double
        var submissions: Int
        var stepsPerSecond: Double { Double(steps) / seconds }
    }

    func run() -> Result {
        var states = [ConversationState](repeating: ConversationState(), count: conversations)
        var lastButtons = [[Button]](repeating: [], count: conversations)
        var submitted = [Bool](repeating: false, count: conversations)
        var now = Date(timeIntervalSince1970: 1_767_506_400)
        var sequence: Int64 = 0
        var steps = 0
        var submissions = 0
        let clock = ContinuousClock()
        let started = clock.now
        // Each round gives every conversation one event; 40 rounds cover welcome → form → review → submit → survey.
        for round in 0..<40 {
            now += 1
            for index in 0..<conversations {
                let content = round == 0 ? EventContent.start : input(states[index], lastButtons[index], submitted[index])
                sequence += 1
                let result = engine.step(states[index], Event(content, receivedAt: now, sequence: sequence))
                states[index] = result.state
                steps += 1
                for effect in result.effects {
                    switch effect {
                    case .send(let message) where !message.buttons.isEmpty: lastButtons[index] = message.buttons
                    case .submitRequest:
                        submitted[index] = true
                        submissions += 1
                    default: break
                    }
                }
            }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(steps: steps, seconds: seconds, submissions: submissions)
    }

    /// A plausible answer to whatever the conversation is asking.
    private func input(_ state: ConversationState, _ buttons: [Button], _ submitted: Bool) -> EventContent {
        if let field = engine.currentField(state) {
            switch field.type {
            case .text: return .text("محمد عبدالله الأحمد")
            case .nationalID: return .text("١٠٢٣٤٥٦٧٨١")
            case .mobile: return .text("٠٥٥ ١٢٣ ٤٥٦٧")
            case .integer: return .text("٥")
            case .decimal: return .text("٣٥٠٠")
            case .email: return .text("sara@example.sa")
            case .iban: return .text("SA03 8000 0000 6080 1016 7519")
            case .date, .hijriDate: return .text("1446/09/01")
            case .location: return .location(latitude: 24.71, longitude: 46.67)
            case .yesNo: return .text("نعم")
            case .photo: return .attachment(Attachment(kind: .photo, fileID: "bench-photo"))
            case .document: return .attachment(Attachment(kind: .document, fileID: "bench-doc", fileName: "صك.pdf"))
            case .choice: return buttons.first.map { .button(payload: $0.payload) } ?? .text("1")
            }
        }
        // Menus: the first option (the help request) until one is submitted, then "follow up" (the third).
        guard !buttons.isEmpty else { return .text("وش الأوراق المطلوبة؟") }
        let pick = submitted && buttons.count > 2 ? 2 : 0
        return .button(payload: buttons[pick].payload)
    }
}
