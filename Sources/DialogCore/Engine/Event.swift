#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Something that happened in a conversation, as the engine sees it (channel-neutral).
public enum EventContent: Sendable, Equatable, Codable {
    /// First contact or an explicit restart (Telegram `/start`).
    case start
    /// Typed text, or a reply-keyboard press (which arrives as text).
    case text(String)
    /// A press on a button the bot sent; `payload` is the button's id as the bot encoded it.
    case button(payload: String)
    case attachment(Attachment)
    case location(latitude: Double, longitude: Double)
    /// Something the bot cannot read (a voice note, a sticker, a video…); `kind` names it for logs.
    case unsupported(kind: String)
    /// An officer handed the conversation back: continue at `node` (`flow.node`, collected data kept),
    /// or, without a node, ask the satisfaction survey when `survey` is true, else show the main menu.
    case handBack(node: String?, survey: Bool)
    /// An officer changed the status of one of this conversation's requests (`status` is a
    /// `RequestStatus` raw value); `reason` is what the officer wrote for the beneficiary.
    case requestStatus(reference: String, status: String, reason: String?)
}

/// One inbound event with what the pure step needs from outside: a time and a unique sequence number.
public struct Event: Sendable, Equatable, Codable {
    public var content: EventContent
    /// When the event was received.
    public var receivedAt: Date
    /// Unique and increasing across the whole bot (the inbox row id); reference numbers derive from it.
    public var sequence: Int64
    /// The platform's id for what arrived (`telegram:update:…`, a wamid), recorded with an attestation.
    public var platformID: String?

    public init(_ content: EventContent, receivedAt: Date, sequence: Int64, platformID: String? = nil) {
        self.content = content
        self.receivedAt = receivedAt
        self.sequence = sequence
        self.platformID = platformID
    }
}
