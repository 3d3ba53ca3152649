extension FakeTelegramServer {
    /// The chat of every sendMessage accepted since request number `index` (in order), and the index to
    /// pass next time: lets a load driver follow the request log without rescanning it.
    public func sendMessageChats(since index: Int) -> (chats: [Int64], next: Int) {
        let start = min(max(0, index), requests.count)
        let chats = requests[start...].lazy.filter { $0.method == "sendMessage" }
            .compactMap { $0.parameters["chat_id"]?.intValue }
        return (Array(chats), requests.count)
    }

    /// Like `sendMessageChats(since:)`, but when there is none yet, first waits for the next accepted
    /// sendMessage or a `wakeSendMessageWaiters()` call, whichever comes first (an empty answer then).
    ///
    /// A load driver following the bot's replies sleeps here instead of polling every millisecond: timer
    /// wake-ups cost the driver's process more CPU than the waiting saves; a watchdog calling
    /// `wakeSendMessageWaiters()` now and then lets it check that the bot is still alive.
    public func nextSendMessageChats(since index: Int) async -> (chats: [Int64], next: Int) {
        let ready = sendMessageChats(since: index)
        guard ready.chats.isEmpty else { return ready }
        await withTaskCancellationHandler {
            await withCheckedContinuation { sendMessageWaiters.append($0) }
        } onCancel: {
            Task { await self.wakeSendMessageWaiters() }
        }
        return sendMessageChats(since: ready.next)
    }

    /// How many callers wait in `nextSendMessageChats(since:)` (lets tests act only once one is parked).
    public var sendMessageWaiterCount: Int { sendMessageWaiters.count }

    /// Ends every wait in `nextSendMessageChats(since:)`.
    public func wakeSendMessageWaiters() {
        let waiters = sendMessageWaiters
        sendMessageWaiters = []
        for waiter in waiters { waiter.resume() }
    }
}
