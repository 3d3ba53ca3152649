public import DialogCore

/// A file type the web chat accepts, recognised by its first bytes (magic numbers), never by its name or
/// the type the browser claims: a renamed executable is refused whatever it is called.
public struct FileType: Sendable, Equatable {
    public var kind: Attachment.Kind
    public var mimeType: String
    /// The extension for the name it is passed on under ("jpg", "pdf").
    public var fileExtension: String

    public static let jpeg = FileType(kind: .photo, mimeType: "image/jpeg", fileExtension: "jpg")
    public static let png = FileType(kind: .photo, mimeType: "image/png", fileExtension: "png")
    public static let webp = FileType(kind: .photo, mimeType: "image/webp", fileExtension: "webp")
    public static let pdf = FileType(kind: .document, mimeType: "application/pdf", fileExtension: "pdf")

    /// What the page tells a beneficiary it may send.
    public static let accepted = [jpeg, png, webp, pdf]

    /// The type of `bytes`, or nil when it is none the chat accepts.
    public static func detect<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> FileType? {
        let head = Array(bytes.prefix(16))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }
}
