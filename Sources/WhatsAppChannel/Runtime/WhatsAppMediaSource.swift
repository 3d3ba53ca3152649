public import BotRuntime
public import DialogCore
import Hashing

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// WhatsApp's files for other channels (a beneficiary's photo relayed to the officers' group), kept on
/// disk as soon as they arrive: Meta's download URL lives 5 minutes and the media id about 30 days.
///
/// A file is stored as `<directory>/<media id>` beside `<media id>.sha256` (hex); a read checks the bytes
/// against it, so a damaged copy is fetched again instead of relayed.
public struct WhatsAppMediaSource: MediaSource {
    public let channel = WhatsApp.channel
    let client: GraphClient
    /// Where downloaded files are kept; nil keeps nothing (every relay downloads again).
    let directory: String?

    public init(client: GraphClient, directory: String?) {
        self.client = client
        self.directory = directory
        if let directory { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
    }

    public func download(_ attachment: Attachment) async throws -> MediaFile {
        if let bytes = stored(attachment.fileID) {
            return MediaFile(bytes: bytes, mimeType: attachment.mimeType, fileName: attachment.fileName)
        }
        let fetched = try await fetch(id: attachment.fileID, expectedSHA256: nil)
        return MediaFile(bytes: fetched.bytes, mimeType: attachment.mimeType ?? fetched.mimeType, fileName: attachment.fileName)
    }

    /// Downloads `id` now and keeps it (what the webhook starts for each file that arrives).
    @discardableResult
    public func fetch(id: String, expectedSHA256: String?) async throws -> (bytes: Data, mimeType: String?) {
        let fetched = try await client.downloadMedia(id: id, expectedSHA256: expectedSHA256)
        store(fetched.bytes, id: id)
        return fetched
    }

    /// The kept copy of `id`, when there is one whose digest still matches.
    func stored(_ id: String) -> Data? {
        guard let paths = paths(id), let bytes = FileManager.default.contents(atPath: paths.file),
            let digest = FileManager.default.contents(atPath: paths.digest),
            String(decoding: digest, as: UTF8.self) == Hashing.hex(Hashing.sha256(bytes))
        else { return nil }
        return bytes
    }

    private func store(_ bytes: Data, id: String) {
        guard let paths = paths(id) else { return }
        // The file first, its digest last: a crash in between leaves no digest, so the copy is not trusted.
        let file = URL(fileURLWithPath: paths.file)
        guard (try? bytes.write(to: file, options: .atomic)) != nil else { return }
        try? Data(Hashing.hex(Hashing.sha256(bytes)).utf8).write(to: URL(fileURLWithPath: paths.digest), options: .atomic)
    }

    private func paths(_ id: String) -> (file: String, digest: String)? {
        guard let directory, GraphClient.isSafeID(id) else { return nil }
        let file = directory + "/" + id
        return (file, file + ".sha256")
    }
}
