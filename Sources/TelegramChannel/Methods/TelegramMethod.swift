/// A Bot API method call: its parameters encode to the JSON body, `Result` decodes from the answer's `result`.
public protocol TelegramMethod: Encodable, Sendable {
    associatedtype Result: Decodable & Sendable
    /// The method name as in the Bot API, e.g. "sendMessage".
    static var name: String { get }
}
