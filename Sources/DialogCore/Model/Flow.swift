/// One dialog file: a flow of nodes with stable ids.
public struct Flow: Sendable, Equatable, Codable {
    public var version: Int
    /// The flow's name, equal to its file name without `.json`; other files refer to `flow.node`.
    public var flow: String
    public var title: String?
    public var nodes: [Node]

    public init(version: Int = 1, flow: String, title: String? = nil, nodes: [Node]) {
        self.version = version
        self.flow = flow
        self.title = title
        self.nodes = nodes
    }

    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
}
