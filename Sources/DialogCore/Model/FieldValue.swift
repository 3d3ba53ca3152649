/// A file a beneficiary sent, as the platform identifies it (the bytes stay on the platform until fetched).
public struct Attachment: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case photo, document }
    public var kind: Kind
    /// The platform's file id (Telegram file_id, WhatsApp media id).
    public var fileID: String
    public var fileName: String?
    public var mimeType: String?
    public var size: Int?

    public init(kind: Kind, fileID: String, fileName: String? = nil, mimeType: String? = nil, size: Int? = nil) {
        self.kind = kind
        self.fileID = fileID
        self.fileName = fileName
        self.mimeType = mimeType
        self.size = size
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
