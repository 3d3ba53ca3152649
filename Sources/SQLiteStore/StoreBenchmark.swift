import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Measures the SQLite store's write throughput for `safa-bench`: inbound appends plus batched step commits.
public enum StoreBenchmark {
    /// Steps each conversation takes in one run (start, three answers).
    static let stepsPerConversation = 4

    /// Runs `conversations × 4` steps against a store at `path` (created or reused; ids are unique per run).
    ///
    /// Each step is one `appendInbound` (its own transaction) and a share of one `commit` of
    /// `stepsPerBatch` steps, with a realistic state (a half-filled Arabic form), one outgoing message
    /// with buttons, and one submitted request on each conversation's last step.
    /// - Returns: write transactions per second (appends + commits) and engine steps stored per second.
    public static func run(
        path: String, conversations: Int, stepsPerBatch: Int
    ) throws -> (transactionsPerSecond: Double, stepsPerSecond: Double) {
        let store = try SQLiteRuntimeStore(path: path)
        let run = UUID().uuidString
        let batchSize = max(1, stepsPerBatch)
        let clock = ContinuousClock()
        var transactions = 0
        var steps = 0
        var batch: [StepCommit] = []
        let started = clock.now

        for round in 0..<stepsPerConversation {
            for conversation in 0..<max(0, conversations) {
                let key = ConversationKey(channel: "telegram", chat: "\(run)-\(conversation)")
                let now = Date()
                guard
                    let inbound = try store.appendInbound(
                        key: key, platformID: "\(run):\(conversation):\(round)",
                        content: .text("الاسم الكامل رقم \(round)"), receivedAt: now, meta: [:])
                else { continue }
                transactions += 1
                let last = round == stepsPerConversation - 1
                batch.append(
                    StepCommit(
                        inboundID: inbound.id, key: key, state: state(step: round, now: now),
                        outbound: [message(step: round)],
                        requests: last ? [request(reference: "\(run)-\(conversation)", now: now)] : [],
                        committedAt: now))
                if batch.count == batchSize {
                    try store.commit(batch)
                    transactions += 1
                    steps += batch.count
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        if !batch.isEmpty {
            try store.commit(batch)
            transactions += 1
            steps += batch.count
        }

        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds > 0 else { return (0, 0) }
        return (Double(transactions) / seconds, Double(steps) / seconds)
    }

    private static let form = NodeRef(flow: "help_request", node: "form")

    private static func fields(upTo step: Int) -> [String: FieldValue] {
        let all: [(String, FieldValue)] = [
            ("name", .text("عبدالرحمن بن محمد بن عبدالله القحطاني")),
            ("national_id", .text("1098765432")),
            ("mobile", .text("+966501234567")),
            ("city", .choice(id: "riyadh", label: "الرياض")),
            ("family_size", .integer(6)),
            ("income", .decimal(4200.5)),
            ("birth", .date(gregorian: "1988-11-02", hijri: "1409-03-22")),
            ("documents", .attachments([Attachment(kind: .photo, fileID: String(repeating: "A", count: 72))])),
        ]
        return Dictionary(uniqueKeysWithValues: all.prefix(2 * (step + 1)))
    }

    private static func state(step: Int, now: Date) -> ConversationState {
        var state = ConversationState()
        state.node = form
        state.phase = .field(index: 2 * step, editing: false)
        state.promptSequence = step
        state.forms = [form.description: fields(upTo: step)]
        state.trail = [NodeRef(flow: "main", node: "menu"), NodeRef(flow: "help_request", node: "intro"), form]
        state.lastActivity = now
        state.dialogVersion = "2025.06.1"
        return state
    }

    private static func message(step: Int) -> OutboundPayload {
        .message(
            OutgoingMessage(
                text: "شكراً لك. الرجاء إدخال رقم الهوية الوطنية أو رقم الإقامة المكوّن من عشرة أرقام، "
                    + "ويمكنك الرجوع للخطوة السابقة أو طلب التحدث مع موظف في أي وقت. (\(step))",
                buttons: [
                    Button(payload: "p:\(step):back", label: "رجوع"),
                    Button(payload: "p:\(step):officer", label: "التحدث مع موظف"),
                    Button(payload: "p:\(step):menu", label: "القائمة الرئيسية"),
                ]))
    }

    private static func request(reference: String, now: Date) -> SubmittedRequest {
        SubmittedRequest(
            reference: reference, requestType: "help", form: form,
            fields: fields(upTo: 3).sorted { $0.key < $1.key }.map {
                FieldEntry(id: $0.key, label: $0.key, value: $0.value)
            },
            submittedAt: now,
            attestation: Attestation(
                node: NodeRef(flow: "help_request", node: "attest"),
                statement: "أقر بأن جميع البيانات المدخلة صحيحة وأتحمل مسؤولية عدم صحتها", acceptedAt: now))
    }
}
