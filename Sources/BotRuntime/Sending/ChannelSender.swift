/// A channel's way of delivering outbox rows to its platform.
public protocol ChannelSender: Sendable {
    /// The channel name in `ConversationKey.channel` this sender delivers for.
    var channel: String { get }

    /// Delivers one row and says how it ended; never throws: every failure is an outcome.
    func deliver(_ record: OutboundRecord) async -> DeliveryOutcome

    /// Shows the beneficiary that an answer is on its way (Telegram's "typing…"), best effort.
    func indicateActivity(_ key: ConversationKey) async
}

extension ChannelSender {
    public func indicateActivity(_ key: ConversationKey) async {}
}
