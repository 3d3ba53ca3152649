import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
        // The simulated beneficiaries press only the first or the third button: keep just those payloads
        // (short ASCII strings, stored inline) so the simulation itself adds no heap per conversation.
        var lastButtons = [Choices](repeating: Choices(), count: conversations)
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
                let content: EventContent
                if round == 0 {
                    content = .start
                } else if round == 1 && index % 5 == 0 {
                    // One beneficiary in five types a question at the main menu: answered, then the menu again.
                    content = .text(Self.questions[index % Self.questions.count])
                } else {
                    content = input(states[index], lastButtons[index], submitted[index])
                }
                sequence += 1
                let result = engine.step(states[index], Event(content, receivedAt: now, sequence: sequence))
                states[index] = result.state
                steps += 1
                for effect in result.effects {
                    switch effect {
                    case .send(let message) where !message.buttons.isEmpty:
                        lastButtons[index] = Choices(message.buttons)
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

    static let questions = [
        "السلام عليكم وش الاوراق المطلوبه", "متى يطلع الرد على طلبي", "متى دوامكم", "وش الخدمات اللي تقدمونها",
        "وين مقر الجمعيه", "كيف الجو اليوم",
    ]

    /// A plausible answer to whatever the conversation is asking.
    private func input(_ state: ConversationState, _ buttons: Choices, _ submitted: Bool) -> EventContent {
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
            case .choice: return buttons.first.map { .button(payload: $0) } ?? .text("1")
            }
        }
        // Menus: the first option (the help request) until one is submitted, then "follow up" (the third).
        guard let first = buttons.first else { return .text("وش الأوراق المطلوبة؟") }
        return .button(payload: submitted ? buttons.third ?? first : first)
    }
}

/// The payloads of the first and third buttons of a message.
struct Choices {
    var first: String?
    var third: String?

    init() {}

    init(_ buttons: [Button]) {
        first = buttons.first?.payload
        third = buttons.count > 2 ? buttons[2].payload : nil
    }
}
