/// A file a beneficiary or an officer sent, as its platform identifies it (the bytes stay on the platform
/// until fetched).
public struct Attachment: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case photo, document }
    public var kind: Kind
    /// The platform's file id (Telegram file_id, WhatsApp media id): meaningful only on `channel`.
    public var fileID: String
    /// Which platform `fileID` belongs to ("telegram", "whatsapp", "web"). Another channel cannot send it
    /// by id: it downloads the file from this channel and uploads it.
    public var channel: String
    public var fileName: String?
    public var mimeType: String?
    public var size: Int?

    /// The channel of attachments stored before attachments named their channel (only Telegram existed).
    public static let legacyChannel = "telegram"

    public init(
        kind: Kind, fileID: String, channel: String = Attachment.legacyChannel, fileName: String? = nil,
        mimeType: String? = nil, size: Int? = nil
    ) {
        self.kind = kind
        self.fileID = fileID
        self.channel = channel
        self.fileName = fileName
        self.mimeType = mimeType
        self.size = size
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        fileID = try c.decode(String.self, forKey: .fileID)
        // Stored before the field existed: every such file came from Telegram.
        channel = try c.decodeIfPresent(String.self, forKey: .channel) ?? Self.legacyChannel
        fileName = try c.decodeIfPresent(String.self, forKey: .fileName)
        mimeType = try c.decodeIfPresent(String.self, forKey: .mimeType)
        size = try c.decodeIfPresent(Int.self, forKey: .size)
    }
}

/// A validated answer to a form field, in its canonical form.
public enum FieldValue: Sendable, Equatable, Codable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    /// `gregorian` as yyyy-MM-dd; `hijri` as yyyy-MM-dd (Umm al-Qura) when the beneficiary wrote a Hijri date.
    case date(gregorian: String, hijri: String?)
    case yesNo(Bool)
    case choice(id: String, label: String)
    case attachments([Attachment])
    case location(latitude: Double, longitude: Double)
    /// An optional field the beneficiary chose to skip.
    case skipped

    /// How the value reads in a review or a template.
    public var display: String {
        switch self {
        case .text(let s): s
        case .integer(let i): String(i)
        case .decimal(let d): d == d.rounded() ? String(Int(d)) : String(d)
        case .date(let g, let h): h.map { "\($0) هـ (\(g))" } ?? g
        case .yesNo(let b): b ? "نعم" : "لا"
        case .choice(_, let label): label
        case .attachments(let files): "\(files.count) ملف"
        case .location(let lat, let lon): "\(lat), \(lon)"
        case .skipped: "—"
        }
    }
}
