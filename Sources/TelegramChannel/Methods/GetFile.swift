/// `getFile`: where to download a file the user sent.
public struct GetFile: TelegramMethod, Equatable {
    public typealias Result = File
    public static let name = "getFile"

    public var fileID: String

    public init(fileID: String) { self.fileID = fileID }

    enum CodingKeys: String, CodingKey { case fileID = "file_id" }
}

/// `getMe`: the bot's own user; a cheap token check at start-up.
public struct GetMe: TelegramMethod, Equatable {
    public typealias Result = User
    public static let name = "getMe"

    public init() {}
}
