public import Foundation

/// The fake's answer to one HTTP call, with a flag the HTTP mounting honours by closing the connection.
public struct FakeTelegramResponse: Sendable, Equatable {
    public var status: Int
    public var body: Data
    /// Close the connection without sending anything (simulates a network cut).
    public var dropConnection: Bool

    public init(status: Int, body: Data, dropConnection: Bool = false) {
        self.status = status
        self.body = body
        self.dropConnection = dropConnection
    }
}

/// A failure the fake injects into the next calls of a method.
public enum FakeTelegramFault: Sendable, Equatable {
    /// 429 with `parameters.retry_after`.
    case tooManyRequests(retryAfter: Int)
    /// A 5xx answer in the Bot API format.
    case serverError(status: Int)
    /// Wait, then answer normally.
    case delay(Duration)
    /// Cut the connection; with `afterProcessing` the call takes effect first (the client cannot know).
    case dropConnection(afterProcessing: Bool)
}

/// A request the fake accepted: method name (spec spelling) and its parameters as sent.
public struct FakeTelegramRequest: Sendable, Equatable {
    public var method: String
    public var parameters: [String: JSONValue]
    /// When the fake accepted it (the crash benchmark dates each first send of a repeated reply).
    public var receivedAt: Date

    public init(method: String, parameters: [String: JSONValue], receivedAt: Date = Date()) {
        self.method = method
        self.parameters = parameters
        self.receivedAt = receivedAt
    }
}

/// A request the fake refused, with the error it answered.
public struct FakeTelegramRejection: Sendable, Equatable {
    public var method: String
    public var status: Int
    public var description: String
}

/// A Bot API error as the fake answers it.
struct FakeAPIError: Error {
    var code: Int
    var description: String
    var parameters: JSONValue?

    static func badRequest(_ detail: String, parameters: JSONValue? = nil) -> FakeAPIError {
        FakeAPIError(code: 400, description: "Bad Request: \(detail)", parameters: parameters)
    }

    var body: Data {
        var members: [String: JSONValue] = [
            "ok": false, "error_code": .int(Int64(code)), "description": .string(description),
        ]
        if let parameters { members["parameters"] = parameters }
        return JSONValue.object(members).encoded()
    }
}

/// A chat the fake knows: its JSON form, topics and messages.
struct FakeChat {
    var json: JSONValue
    var isForum: Bool
    var threads: [Int64: String] = [:]
    /// Messages by id, as JSON, for copyMessage and editMessageReplyMarkup.
    var messages: [Int64: JSONValue] = [:]
    var nextMessageID: Int64 = 1
}

/// A file the fake can describe in getFile.
struct FakeFile {
    enum Kind { case photo, document }
    var kind: Kind
    var uniqueID: String
    var size: Int64?
    var path: String
}

/// A getUpdates call waiting for updates.
struct PollWaiter {
    var id: Int
    var limit: Int
    var continuation: CheckedContinuation<Result<JSONValue, FakeAPIError>, Never>
    var timer: Task<Void, Never>?
}
