/// Names and limits of the WhatsApp Business Platform (Cloud API) that more than one file needs.
///
/// Limits are in characters as Meta's docs state them; we count UTF-16 units, which is never fewer than
/// what WhatsApp counts, so a text we accept is never refused for length.
public enum WhatsApp {
    /// The channel name in `ConversationKey.channel`, `Attachment.channel` and inbox platform ids.
    public static let channel = "whatsapp"
    /// `text.body` of a text message.
    public static let maxTextLength = 4096
    /// `interactive.body.text` (the OpenAPI schema says 1024; newer prose says 4096 for lists: keep 1024).
    public static let maxInteractiveBodyLength = 1024
    /// Reply buttons per message, and the length of each title.
    public static let maxReplyButtons = 3
    public static let maxReplyButtonTitleLength = 20
    /// Rows in a list message, counted across all sections, and the row title/description lengths.
    public static let maxListRows = 10
    public static let maxListRowTitleLength = 24
    public static let maxListRowDescriptionLength = 72
    /// The label of the button that opens a list (`action.button`).
    public static let maxListButtonLength = 20
    /// Reply button ids (256) and list row ids (200): the smaller one bounds both.
    public static let maxOptionIDLength = 200
}
