/// The approved template sent to re-open a conversation outside the 24-hour window (`whatsapp.reengagement`
/// in the config): its name and language as approved in WhatsApp Manager, and its body parameters.
public struct ReengagementTemplate: Sendable, Equatable {
    public var name: String
    /// "ar", "en_US"…
    public var language: String
    public var bodyParameters: [String]

    public init(name: String, language: String, bodyParameters: [String] = []) {
        self.name = name
        self.language = language
        self.bodyParameters = bodyParameters
    }
}
