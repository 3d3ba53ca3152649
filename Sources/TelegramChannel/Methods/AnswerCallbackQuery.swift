/// `answerCallbackQuery`: stops the button's progress indicator, optionally with a notice (0–200 characters).
public struct AnswerCallbackQuery: TelegramMethod, Equatable {
    public typealias Result = Bool
    public static let name = "answerCallbackQuery"

    public var callbackQueryID: String
    public var text: String?
    public var showAlert: Bool?

    public init(callbackQueryID: String, text: String? = nil, showAlert: Bool? = nil) {
        self.callbackQueryID = callbackQueryID
        self.text = text
        self.showAlert = showAlert
    }

    enum CodingKeys: String, CodingKey {
        case callbackQueryID = "callback_query_id"
        case text
        case showAlert = "show_alert"
    }
}
