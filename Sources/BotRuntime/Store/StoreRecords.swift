public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// An inbound event durably in the inbox. `id` is unique and increasing: it becomes `Event.sequence`.
public struct InboundRecord: Sendable, Equatable {
    public var id: Int64
    public var key: ConversationKey
    /// The platform's id for what arrived ("telegram:update:123", a wamid…): unique, so nothing is handled twice.
    public var platformID: String
    public var content: EventContent
    public var receivedAt: Date
    /// Channel details needed to answer (e.g. Telegram callback query id); never personal data beyond that.
    public var meta: [String: String]

    public init(
        id: Int64, key: ConversationKey, platformID: String, content: EventContent, receivedAt: Date,
        meta: [String: String] = [:]
    ) {
        self.id = id
        self.key = key
        self.platformID = platformID
        self.content = content
        self.receivedAt = receivedAt
        self.meta = meta
    }

    public var event: Event { Event(content, receivedAt: receivedAt, sequence: id, platformID: platformID) }
}

/// What the outbox must deliver, as intent; each channel renders it within its own limits.
///
/// Platform chores that follow from an inbound event (Telegram's answerCallbackQuery) are the channel
/// adapter's own business and never come through here.
public enum OutboundPayload: Sendable, Equatable, Codable {
    /// Text with options (buttons, a list, a numbered menu: the channel decides).
    case message(OutgoingMessage)
    /// A file, with its caption. Sent by id when `attachment.channel` is the sender's own channel, else
    /// downloaded through that channel's `MediaSource` and uploaded.
    case file(Attachment, caption: String?)
    /// Marks an inbound message read (and shows that an answer is coming); `platformMessageID` is the
    /// platform's id of that message. A channel without read receipts may show "typing…" or do nothing.
    case readReceipt(platformMessageID: String)
    /// Asks the beneficiary to write again where free-form messages no longer reach them (WhatsApp, 24 hours
    /// after their last message): the channel sends its approved re-engagement template. An officer chooses
    /// to send it; a channel without such a window has nothing to send and records it as failed.
    case reengage
}

/// One row of the outbox.
public struct OutboundRecord: Sendable, Equatable {
    public var id: Int64
    public var key: ConversationKey
    public var payload: OutboundPayload
    /// Failed attempts so far.
    public var attempts: Int
    /// Not to be sent before this time (backoff, retry_after).
    public var notBefore: Date
    /// Leading parts of a message split for the platform that are already delivered; a retry sends the rest.
    public var partsSent: Int

    public init(
        id: Int64, key: ConversationKey, payload: OutboundPayload, attempts: Int = 0, notBefore: Date,
        partsSent: Int = 0
    ) {
        self.id = id
        self.key = key
        self.payload = payload
        self.attempts = attempts
        self.notBefore = notBefore
        self.partsSent = partsSent
    }
}

/// Everything one engine step produced, committed in one transaction.
public struct StepCommit: Sendable, Equatable {
    /// The inbound row now processed.
    public var inboundID: Int64
    public var key: ConversationKey
    public var state: ConversationState
    /// Outbox rows to add, in sending order.
    public var outbound: [OutboundPayload]
    public var requests: [SubmittedRequest]
    public var handoffs: [HandoffRequest]
    public var surveys: [SurveyAnswer]
    /// Events for the officers' desk, queued in the same transaction.
    public var deskEvents: [DeskEvent]
    /// What the beneficiary sent for their requests after an officer asked for more information.
    public var information: [RequestInformation] = []
    public var committedAt: Date

    public init(
        inboundID: Int64, key: ConversationKey, state: ConversationState, outbound: [OutboundPayload],
        requests: [SubmittedRequest] = [], handoffs: [HandoffRequest] = [], surveys: [SurveyAnswer] = [],
        deskEvents: [DeskEvent] = [], committedAt: Date
    ) {
        self.inboundID = inboundID
        self.key = key
        self.state = state
        self.outbound = outbound
        self.requests = requests
        self.handoffs = handoffs
        self.surveys = surveys
        self.deskEvents = deskEvents
        self.committedAt = committedAt
    }
}

/// How delivering an outbox row ended.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Delivered; `platformMessageID` is the platform's id for it, when it gave one.
    case sent(platformMessageID: String?)
    /// Try again at `notBefore` (network error, 5xx, 429 retry_after).
    case retry(notBefore: Date, reason: String)
    /// The first `parts` parts of a split message are delivered; the rest is tried again at `notBefore`,
    /// without sending those parts twice.
    case partlySent(parts: Int, notBefore: Date, reason: String)
    /// Will never succeed (400, blocked by the user): kept for the record, not retried.
    case failed(reason: String)
}

/// Something a beneficiary sent for one of their requests (text, a file, a location), recorded in its history.
public struct RequestInformation: Sendable, Equatable {
    public var reference: String
    public var content: EventContent

    public init(reference: String, content: EventContent) {
        self.reference = reference
        self.content = content
    }
}
