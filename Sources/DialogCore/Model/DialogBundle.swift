/// Everything loaded from `dialogs/`: settings, flows and the FAQ, with a content version.
public struct DialogBundle: Sendable, Equatable {
    public var settings: BotSettings
    public var flows: [String: Flow]
    public var faq: FAQ
    /// A hash of the files' content; conversations record the version they started on.
    public var version: String

    public init(settings: BotSettings, flows: [String: Flow], faq: FAQ, version: String) {
        self.settings = settings
        self.flows = flows
        self.faq = faq
        self.version = version
    }

    public func node(_ ref: NodeRef) -> Node? { flows[ref.flow]?.node(ref.node) }

    /// Resolves a target written in `flow` (`node` or `other.node`).
    public func resolve(_ target: String, from flow: String) -> NodeRef { NodeRef(target, in: flow) }
}
