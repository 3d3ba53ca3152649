/// A general file (`Document`); keep its name and MIME type, getFile does not return them.
public struct Document: Sendable, Equatable, Codable {
    public var fileID: String
    /// Optional here because the official webhook guide's example omits it.
    public var fileUniqueID: String?
    public var fileName: String?
    public var mimeType: String?
    public var fileSize: Int?

    public init(
        fileID: String, fileUniqueID: String? = nil, fileName: String? = nil, mimeType: String? = nil,
        fileSize: Int? = nil
    ) {
        self.fileID = fileID
        self.fileUniqueID = fileUniqueID
        self.fileName = fileName
        self.mimeType = mimeType
        self.fileSize = fileSize
    }

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileName = "file_name"
        case mimeType = "mime_type"
        case fileSize = "file_size"
    }
}
