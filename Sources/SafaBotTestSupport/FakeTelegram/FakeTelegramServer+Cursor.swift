extension FakeTelegramServer {
    /// The chat of every sendMessage accepted since request number `index` (in order), and the index to
    /// pass next time: lets a load driver follow the request log without rescanning it.
    public func sendMessageChats(since index: Int) -> (chats: [Int64], next: Int) {
        let start = min(max(0, index), requests.count)
        let chats = requests[start...].lazy.filter { $0.method == "sendMessage" }
            .compactMap { $0.parameters["chat_id"]?.intValue }
        return (Array(chats), requests.count)
    }
}
