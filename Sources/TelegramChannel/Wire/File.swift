/// A file ready to be downloaded (`File`); `filePath` is relative on the cloud server, absolute with `--local`.
public struct File: Sendable, Equatable, Codable {
    public var fileID: String
    public var fileUniqueID: String
    public var fileSize: Int?
    public var filePath: String?

    public init(fileID: String, fileUniqueID: String, fileSize: Int? = nil, filePath: String? = nil) {
        self.fileID = fileID
        self.fileUniqueID = fileUniqueID
        self.fileSize = fileSize
        self.filePath = filePath
    }

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileSize = "file_size"
        case filePath = "file_path"
    }
}

/// The id of a copied message (`MessageId`), the result of copyMessage.
public struct MessageID: Sendable, Equatable, Codable {
    public var messageID: Int64

    public init(messageID: Int64) { self.messageID = messageID }

    enum CodingKeys: String, CodingKey { case messageID = "message_id" }
}
