/// Options the engine offers on its own (yes/no, confirm/edit, accept/decline, skip, field pickers),
/// built once per bundle: matching normalises every option, and that must not happen on every answer.
struct EngineOptions: Sendable {
    let offerOfficer: [Option]
    let resume: [Option]
    let skip: Option
    /// By review or attestation node (`flow.node`).
    let byNode: [String: [Option]]
    /// The "which field?" options of each form (`flow.node`).
    let fieldPickers: [String: [Option]]

    init(_ bundle: DialogBundle) {
        typealias Special = DialogEngine.Special
        let texts = bundle.settings.texts
        offerOfficer = [
            Option(id: Special.yes, label: texts.offerOfficerYes), Option(id: Special.no, label: texts.offerOfficerNo),
        ]
        resume = [Option(id: Special.yes, label: texts.resumeYes), Option(id: Special.no, label: texts.resumeNo)]
        skip = Option(id: Special.skip, label: texts.skip)
        var byNode: [String: [Option]] = [:]
        var fieldPickers: [String: [Option]] = [:]
        for (name, flow) in bundle.flows {
            for node in flow.nodes {
                let key = "\(name).\(node.id)"
                switch node.body {
                case .review(let review):
                    byNode[key] = [
                        Option(id: Special.confirm, label: review.confirmLabel),
                        Option(id: Special.edit, label: review.editLabel),
                    ]
                case .attestation(let attestation):
                    byNode[key] = [
                        Option(id: Special.accept, label: attestation.acceptLabel),
                        Option(id: Special.decline, label: attestation.declineLabel),
                    ]
                case .form(let form):
                    fieldPickers[key] = form.fields.map { Option(id: Special.fieldPrefix + $0.id, label: $0.label) }
                default:
                    break
                }
            }
        }
        self.byNode = byNode
        self.fieldPickers = fieldPickers
    }
}
