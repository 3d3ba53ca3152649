/// Bot-wide settings from `dialogs/bot.json`: where conversations start, global commands, shared texts.
public struct BotSettings: Sendable, Equatable, Codable {
    public var version: Int
    /// First node of a new conversation, e.g. `main.welcome`.
    public var start: NodeRef
    /// The main menu that "القائمة" returns to.
    public var mainMenu: NodeRef
    /// Where "talk to an officer" goes (a handoff node).
    public var officer: NodeRef
    /// The satisfaction survey asked after an officer closes a case or hands it back without naming a node.
    public var survey: NodeRef?
    /// Conversations idle longer than this start over at the main menu (an unfinished form is offered for resumption).
    public var idleTimeoutMinutes: Int
    /// Wrong answers allowed in a form field, unmatched texts in a menu or inquiry, before an officer is offered.
    public var maxAttempts: Int
    /// Words that trigger global commands at any point (matched after normalisation).
    public var commands: GlobalCommands
    /// Shared texts the engine needs; see `BotTexts`.
    public var texts: BotTexts
    /// Bot-wide texts for validation failures, keyed by `ValidationFailure.code`.
    public var validation: [String: String]
    /// Notices about submitted requests (status changes, information asked for); nil: none are sent.
    public var requests: RequestTexts?

    public init(
        version: Int = 1, start: NodeRef, mainMenu: NodeRef, officer: NodeRef, idleTimeoutMinutes: Int = 30,
        maxAttempts: Int = 3, commands: GlobalCommands, texts: BotTexts, validation: [String: String] = [:],
        survey: NodeRef? = nil, requests: RequestTexts? = nil
    ) {
        self.requests = requests
        self.version = version
        self.start = start
        self.mainMenu = mainMenu
        self.officer = officer
        self.survey = survey
        self.idleTimeoutMinutes = idleTimeoutMinutes
        self.maxAttempts = maxAttempts
        self.commands = commands
        self.texts = texts
        self.validation = validation
    }
}

/// Words for the commands that work anywhere in a conversation.
public struct GlobalCommands: Sendable, Equatable, Codable {
    public var mainMenu: [String]
    public var back: [String]
    public var cancel: [String]
    public var officer: [String]

    public init(mainMenu: [String], back: [String], cancel: [String], officer: [String]) {
        self.mainMenu = mainMenu
        self.back = back
        self.cancel = cancel
        self.officer = officer
    }
}

/// Texts the engine says on its own, all editable by admins.
public struct BotTexts: Sendable, Equatable, Codable {
    /// A text that matched no option: re-ask.
    public var noMatch: String
    /// After too many unmatched texts or wrong answers: offer an officer or the menu.
    public var offerOfficer: String
    public var offerOfficerYes: String
    public var offerOfficerNo: String
    /// Back after a long pause with an unfinished form.
    public var resumePrompt: String
    public var resumeYes: String
    public var resumeNo: String
    /// Said on "cancel".
    public var cancelled: String
    /// "Back" where there is nothing to go back to.
    public var nothingToGoBack: String
    /// A file or location sent where text was expected, or text where a file was expected.
    public var unexpectedAttachment: String
    public var expectedAttachment: String
    /// Button for skipping an optional field.
    public var skip: String
    /// An answer given while an officer has the conversation is passed on; this acknowledges a press on an old button.
    public var staleButton: String
    /// A voice note, sticker or other message the bot cannot read; defaults to `unexpectedAttachment`.
    public var unsupportedMessage: String?
    /// Said when an officer hands the conversation back to the bot.
    public var handedBack: String?

    public init(
        noMatch: String, offerOfficer: String, offerOfficerYes: String, offerOfficerNo: String, resumePrompt: String,
        resumeYes: String, resumeNo: String, cancelled: String, nothingToGoBack: String,
        unexpectedAttachment: String, expectedAttachment: String, skip: String, staleButton: String,
        unsupportedMessage: String? = nil, handedBack: String? = nil
    ) {
        self.noMatch = noMatch
        self.offerOfficer = offerOfficer
        self.offerOfficerYes = offerOfficerYes
        self.offerOfficerNo = offerOfficerNo
        self.resumePrompt = resumePrompt
        self.resumeYes = resumeYes
        self.resumeNo = resumeNo
        self.cancelled = cancelled
        self.nothingToGoBack = nothingToGoBack
        self.unexpectedAttachment = unexpectedAttachment
        self.expectedAttachment = expectedAttachment
        self.skip = skip
        self.staleButton = staleButton
        self.unsupportedMessage = unsupportedMessage
        self.handedBack = handedBack
    }
}
