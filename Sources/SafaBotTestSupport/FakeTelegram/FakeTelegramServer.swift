public import Foundation

/// A Bot API server in memory, answering like the real one (wire format, limits, errors), transport-free:
/// mount `handle` under `/bot<token>/<method>`. Validates every request against `api.json`.
public actor FakeTelegramServer {
    /// The methods the fake implements (spec spelling).
    public static let supportedMethods = [
        "getUpdates", "sendMessage", "answerCallbackQuery", "editMessageReplyMarkup", "sendChatAction", "getFile",
        "getMe", "setWebhook", "deleteWebhook", "createForumTopic", "copyMessage", "sendPhoto", "sendDocument",
        "editForumTopic", "closeForumTopic",
    ]

    /// `supportedMethods` by lowercased name (the Bot API matches method names case-insensitively).
    static let supportedMethodsByLowercasedName = Dictionary(
        supportedMethods.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The spec spelling of a supported method, matched case-insensitively.
    static func supportedMethod(_ method: String) -> String? {
        supportedMethodsByLowercasedName[method.lowercased()]
    }

    public nonisolated let token: String
    public nonisolated let botID: Int64
    public nonisolated let botUsername: String
    let validator: TelegramSpecValidator

    var queue: [(id: Int64, update: JSONValue)] = []
    var nextUpdateID: Int64 = 100_000
    var allowedUpdates: [String] = []
    var poll: PollWaiter?
    var nextPollID = 0
    /// The webhook URL while one is set (the fake does not deliver to it: getUpdates then answers 409).
    public internal(set) var webhookURL: String?
    public internal(set) var webhookSecretToken: String?

    var chats: [Int64: FakeChat] = [:]
    var files: [String: FakeFile] = [:]
    var openCallbackQueries: Set<String> = []
    var nextCallbackQueryNumber = 1
    var faults: [String: [FakeTelegramFault]] = [:]
    var blockedChats: Set<Int64> = []
    var migratedChats: [Int64: Int64] = [:]

    /// Callers of `nextSendMessageChats(since:)` waiting for the next accepted sendMessage.
    var sendMessageWaiters: [CheckedContinuation<Void, Never>] = []

    /// Every accepted request, in order.
    public internal(set) var requests: [FakeTelegramRequest] = []
    /// Run once when the number of accepted sendMessage requests reaches the count (see `whenSent`).
    var sendMessageTriggers: [(count: Int, action: @Sendable () -> Void)] = []
    var sendMessageCount = 0
    /// Every file uploaded in a multipart request, in order.
    public internal(set) var uploads: [FakeMultipartPart] = []
    /// Every refused request, in order.
    public internal(set) var rejections: [FakeTelegramRejection] = []

    public init(
        token: String = "123456:TEST-fake-token", botID: Int64 = 123_456, botUsername: String = "safa_test_bot",
        validator: TelegramSpecValidator
    ) {
        self.token = token
        self.botID = botID
        self.botUsername = botUsername
        self.validator = validator
    }

    /// A fake with the spec loaded from `PlatformSpecs`.
    public init(token: String = "123456:TEST-fake-token") throws {
        self.init(token: token, validator: try TelegramSpecValidator.shared())
    }

    /// One Bot API call: `method` as in the URL, the token from the URL, the raw body and its content type.
    public func handle(method: String, token: String, body: Data, contentType: String) async -> (
        status: Int, body: Data
    ) {
        let response = await respond(method: method, token: token, body: body, contentType: contentType)
        return (response.status, response.body)
    }

    /// Like `handle`, also telling the mounting to drop the connection.
    public func respond(method: String, token: String, body: Data, contentType: String?) async
        -> FakeTelegramResponse
    {
        guard token == self.token else {
            return reject(method, FakeAPIError(code: 401, description: "Unauthorized"))
        }
        guard let name = Self.supportedMethod(method) else {
            return reject(method, FakeAPIError(code: 404, description: "Not Found"))
        }
        var dropAfterProcessing = false
        if var pending = faults[name], !pending.isEmpty {
            let fault = pending.removeFirst()
            faults[name] = pending
            switch fault {
            case .tooManyRequests(let seconds):
                return reject(
                    name,
                    FakeAPIError(
                        code: 429, description: "Too Many Requests: retry after \(seconds)",
                        parameters: ["retry_after": .int(Int64(seconds))]))
            case .serverError(let status):
                return reject(
                    name,
                    FakeAPIError(code: status, description: status == 502 ? "Bad Gateway" : "Internal Server Error"))
            case .delay(let duration):
                try? await Task.sleep(for: duration)
            case .dropConnection(let afterProcessing):
                guard afterProcessing else {
                    return FakeTelegramResponse(status: 0, body: Data(), dropConnection: true)
                }
                dropAfterProcessing = true
            }
        }
        let parameters: [String: JSONValue]
        switch parse(body: body, contentType: contentType) {
        case .success(let p): parameters = p
        case .failure(let error): return reject(name, error)
        }
        let violations = validator.validate(method: name, parameters: parameters)
        if !violations.isEmpty {
            let detail = violations.map(\.description).joined(separator: "; ")
            return reject(name, .badRequest(detail))
        }
        switch await dispatch(name, parameters) {
        case .success(let result):
            requests.append(FakeTelegramRequest(method: name, parameters: parameters))
            if name == "sendMessage" {
                sendMessageCount += 1
                if !sendMessageWaiters.isEmpty { wakeSendMessageWaiters() }
                runSendMessageTriggers()
            }
            let body = JSONValue.object(["ok": true, "result": result]).encoded()
            return FakeTelegramResponse(status: 200, body: body, dropConnection: dropAfterProcessing)
        case .failure(let error):
            var response = reject(name, error)
            response.dropConnection = dropAfterProcessing
            return response
        }
    }

    /// Runs `action` as the `count`th sendMessage is accepted (at once if it already was): a crash test
    /// kills the bot from here, mid-run, however fast the bot and however busy the test's own thread pool.
    public func whenSent(_ count: Int, _ action: @escaping @Sendable () -> Void) {
        sendMessageTriggers.append((count, action))
        runSendMessageTriggers()
    }

    private func runSendMessageTriggers() {
        let due = sendMessageTriggers.filter { $0.count <= sendMessageCount }
        guard !due.isEmpty else { return }
        sendMessageTriggers.removeAll { $0.count <= sendMessageCount }
        for trigger in due { trigger.action() }
    }

    private func parse(body: Data, contentType: String?) -> Result<[String: JSONValue], FakeAPIError> {
        if body.isEmpty { return .success([:]) }
        if let contentType, let boundary = FakeMultipartForm.boundary(of: contentType) {
            guard let parts = FakeMultipartForm.parts(of: body, boundary: boundary) else {
                return .failure(.badRequest("can't parse multipart/form-data body"))
            }
            return .success(formParameters(parts))
        }
        if let contentType, !contentType.lowercased().hasPrefix("application/json") {
            return .failure(.badRequest("the fake accepts only application/json bodies"))
        }
        guard let value = try? JSONValue(parsing: body), case .object(let parameters) = value else {
            return .failure(.badRequest("can't parse JSON object"))
        }
        return .success(parameters)
    }

    /// A form's fields as parameters: ids as integers, other fields as strings, and each uploaded file
    /// kept as a new file of the fake whose id stands in for it (as the real API stores an upload).
    private func formParameters(_ parts: [FakeMultipartPart]) -> [String: JSONValue] {
        var parameters: [String: JSONValue] = [:]
        for part in parts {
            if let fileName = part.fileName {
                let id = "upload-\(uploads.count + 1)"
                uploads.append(part)
                let kind: FakeFile.Kind = part.name == "photo" ? .photo : .document
                files[id] = FakeFile(
                    kind: kind, uniqueID: "U\(uploads.count)", size: Int64(part.data.count),
                    path: "uploads/\(fileName)")
                parameters[part.name] = .string(id)
                continue
            }
            let text = String(decoding: part.data, as: UTF8.self)
            if part.name.hasSuffix("_id"), let number = Int64(text) {
                parameters[part.name] = .int(number)
            } else {
                parameters[part.name] = .string(text)
            }
        }
        return parameters
    }

    private func dispatch(_ name: String, _ p: [String: JSONValue]) async -> Result<JSONValue, FakeAPIError> {
        switch name {
        case "getUpdates": return await getUpdates(p)
        case "sendMessage": return sendMessage(p)
        case "answerCallbackQuery": return answerCallbackQuery(p)
        case "editMessageReplyMarkup": return editMessageReplyMarkup(p)
        case "sendChatAction": return sendChatAction(p)
        case "getFile": return getFile(p)
        case "getMe": return .success(botUser)
        case "setWebhook": return setWebhook(p)
        case "deleteWebhook": return deleteWebhook(p)
        case "createForumTopic": return createForumTopic(p)
        case "copyMessage": return copyMessage(p)
        case "sendPhoto": return sendMedia(p, kind: .photo)
        case "sendDocument": return sendMedia(p, kind: .document)
        case "editForumTopic", "closeForumTopic": return editTopic(p, closing: name == "closeForumTopic")
        default: return .failure(FakeAPIError(code: 404, description: "Not Found"))
        }
    }

    private func reject(_ method: String, _ error: FakeAPIError) -> FakeTelegramResponse {
        rejections.append(FakeTelegramRejection(method: method, status: error.code, description: error.description))
        return FakeTelegramResponse(status: error.code, body: error.body)
    }

    // MARK: - Test controls

    /// The next `times` calls of `method` meet `fault`.
    public func inject(_ fault: FakeTelegramFault, method: String, times: Int = 1) {
        let name = Self.supportedMethod(method) ?? method
        faults[name, default: []] += Array(repeating: fault, count: times)
    }

    /// From now on, sends to `chatID` fail with 403 "Forbidden: bot was blocked by the user".
    public func block(chatID: Int64) { blockedChats.insert(chatID) }

    /// Sends to `chatID` work again.
    public func unblock(chatID: Int64) { blockedChats.remove(chatID) }

    /// Sends to `chatID` fail with 400 and `migrate_to_chat_id: newChatID`; the new chat is a supergroup.
    public func migrate(chatID: Int64, to newChatID: Int64) {
        migratedChats[chatID] = newChatID
        let old = chats[chatID]
        var json: JSONValue = ["id": .int(newChatID), "type": "supergroup"]
        if let title = old?.json["title"] { json = ["id": .int(newChatID), "type": "supergroup", "title": title] }
        chats[newChatID] = FakeChat(json: json, isForum: false)
    }

    /// Makes a forum supergroup known (the officers' group).
    public func addForumGroup(chatID: Int64, title: String = "Officers") {
        chats[chatID] = FakeChat(
            json: ["id": .int(chatID), "type": "supergroup", "title": .string(title), "is_forum": true], isForum: true,
            nextMessageID: 2)  // Thread 1 is the General topic, which cannot be addressed.
    }

    /// Makes a private chat known without a message from the user.
    public func addPrivateChat(chatID: Int64, firstName: String = "مستفيد") {
        if chats[chatID] == nil { chats[chatID] = FakeChat(json: Self.privateChat(chatID, firstName), isForum: false) }
    }

    /// Accepted requests of one method, in order.
    public func requests(method: String) -> [FakeTelegramRequest] {
        requests.filter { $0.method.lowercased() == method.lowercased() }
    }

    /// The `text` of every accepted sendMessage to `chatID`, as sent (still HTML-escaped).
    public func sentTexts(chatID: Int64) -> [String] {
        requests(method: "sendMessage").filter { $0.parameters["chat_id"]?.intValue == chatID }
            .compactMap { $0.parameters["text"]?.stringValue }
    }

    /// Updates not yet confirmed by an offset.
    public var pendingUpdateCount: Int { queue.count }

    var botUser: JSONValue {
        ["id": .int(botID), "is_bot": true, "first_name": "Safa Test Bot", "username": .string(botUsername)]
    }

    static func privateChat(_ id: Int64, _ firstName: String) -> JSONValue {
        ["id": .int(id), "type": "private", "first_name": .string(firstName)]
    }

    var now: Int64 { Int64(Date().timeIntervalSince1970) }
}
