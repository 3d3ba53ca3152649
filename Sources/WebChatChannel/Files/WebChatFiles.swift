public import BotRuntime
public import DialogCore
import Hashing

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The web chat's files on disk, each named by its SHA-256 (so a file sent twice is kept once, and its
/// name is its checksum), and the signed links a page opens them by.
///
/// A link is `/chat/file?id=<sha256>&sig=<HMAC(conversation, sha256)>`: only the conversation the file was
/// shown in can open it, and nothing per file is stored besides the file.
public struct WebChatFiles: Sendable {
    public let directory: String
    let secret: [UInt8]

    public init(directory: String, secret: [UInt8]) {
        self.directory = directory
        self.secret = secret
    }

    /// Writes `bytes` (unless a file with that checksum is there) and returns its SHA-256 in hex.
    public func save(_ bytes: Data) throws -> String {
        let sha = Hashing.hex(Hashing.sha256(bytes))
        let path = self.path(sha)
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // Written beside, then renamed: a reader never sees half a file.
            let partial = path + ".partial-\(UInt64.random(in: 0...UInt64.max))"
            try bytes.write(to: URL(fileURLWithPath: partial))
            if rename(partial, path) != 0 {
                try? FileManager.default.removeItem(atPath: partial)
                throw WebChatFileError.notWritten(sha: sha)
            }
        }
        return sha
    }

    /// The bytes of the file with this checksum.
    public func load(_ sha: String) throws -> Data {
        guard Self.isSHA256(sha), let data = FileManager.default.contents(atPath: path(sha)) else {
            throw WebChatFileError.missing(sha: sha)
        }
        return data
    }

    /// The page's link to a file of `conversation`.
    public func link(_ sha: String, conversation: String) -> String {
        "/chat/file?id=\(sha)&sig=\(signature(sha, conversation: conversation))"
    }

    /// Whether `signature` is the one ``link(_:conversation:)`` gives.
    func verify(_ sha: String, conversation: String, signature given: String) -> Bool {
        Self.isSHA256(sha)
            && Hashing.constantTimeEquals(Array(signature(sha, conversation: conversation).utf8), Array(given.utf8))
    }

    private func signature(_ sha: String, conversation: String) -> String {
        Hashing.hex(Hashing.hmacSHA256(key: Data(secret), data: Data("safa-web-file:\(conversation):\(sha)".utf8)))
    }

    private func path(_ sha: String) -> String { directory + "/" + sha }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// Why a web chat file could not be kept or read.
public enum WebChatFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case notWritten(sha: String)
    case missing(sha: String)

    public var description: String {
        switch self {
        case .notWritten(let sha): "could not store web chat file \(sha) in its folder"
        case .missing(let sha): "no web chat file \(sha)"
        }
    }
}

/// The web chat's files for other channels (a beneficiary's document relayed into the officers' group).
public struct WebChatMediaSource: MediaSource {
    public let channel = WebChat.channel
    let files: WebChatFiles

    public init(files: WebChatFiles) { self.files = files }

    public func download(_ attachment: Attachment) async throws -> MediaFile {
        guard let bytes = try? files.load(attachment.fileID) else {
            throw MediaError.unavailable(channel: channel, reason: "the file is no longer stored")
        }
        let type = FileType.detect(bytes)
        return MediaFile(
            bytes: bytes, mimeType: type?.mimeType ?? attachment.mimeType,
            fileName: attachment.fileName ?? "file.\(type?.fileExtension ?? "bin")")
    }
}
