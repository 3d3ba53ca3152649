import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import SafaBotTestSupport
import Synchronization
import Testing

@testable import TelegramChannel

/// Another channel's files as a fake media source: bytes by media id, and a count of downloads.
private final class FakeWhatsAppMedia: MediaSource {
    let channel = "whatsapp"
    let files: [String: MediaFile]
    private let count = Mutex(0)

    init(files: [String: MediaFile]) { self.files = files }

    var downloads: Int { count.withLock { $0 } }

    func download(_ attachment: DialogCore.Attachment) async throws -> MediaFile {
        count.withLock { $0 += 1 }
        guard let file = files[attachment.fileID] else {
            throw MediaError.unavailable(channel: channel, reason: "unknown media id")
        }
        return file
    }
}

/// A file from another channel is downloaded through that channel's media source and uploaded to the Bot API
/// as multipart/form-data (built by libcurl), never sent by its foreign id; Telegram's own files go by id.
@Suite struct MediaRelayTests {
    static let chat: Int64 = 5_550_001
    /// The start of a JPEG, a NUL and bytes that are not UTF-8: the upload must carry them unchanged.
    static let photoBytes = Data([
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x00, 0xC3, 0x28, 0x0D, 0x0A, 0x2D, 0x2D,
    ])

    @Test func aWhatsAppPhotoIsDownloadedThenUploadedAsMultipart() async throws {
        let fake = try FakeTelegramServer()
        await fake.userSends(chatID: Self.chat, text: "السلام عليكم")
        await fake.userSendsPhoto(chatID: Self.chat, fileID: "AgACAgIAAxkBAAIC")
        let server = FakeTelegramHTTPServer(fake: fake)
        try server.start()
        defer { server.stop() }
        let http = try HTTPClient()
        defer { http.shutdown() }
        let client = TelegramClient(
            transport: TelegramHTTPTransport(client: http, baseURL: server.baseURL, token: fake.token))
        let whatsapp = FakeWhatsAppMedia(files: [
            "1290315874925640": MediaFile(bytes: Self.photoBytes, mimeType: "image/jpeg", fileName: "هوية.jpg")
        ])
        let sender = TelegramSender(client: client, media: MediaSources([whatsapp])) { _ in }
        let key = ConversationKey(channel: "telegram", chat: String(Self.chat))

        let foreign = DialogCore.Attachment(
            kind: .photo, fileID: "1290315874925640", channel: "whatsapp", mimeType: "image/jpeg")
        let outcome = await sender.deliver(
            OutboundRecord(id: 1, key: key, payload: .file(foreign, caption: "صورة الهوية"), notBefore: Date()))
        guard case .sent(let messageID?) = outcome else {
            Issue.record("expected sent, got \(outcome); rejections: \(await fake.rejections)")
            return
        }
        #expect(Int64(messageID) != nil)
        #expect(whatsapp.downloads == 1)
        let uploads = await fake.uploads
        #expect(uploads.count == 1)
        #expect(uploads.first?.name == "photo")
        #expect(uploads.first?.data == Self.photoBytes)
        #expect(uploads.first?.contentType == "image/jpeg")
        #expect(uploads.first?.fileName == "هوية.jpg")
        let request = try #require(await fake.requests(method: "sendPhoto").last)
        #expect(request.parameters["chat_id"]?.intValue == Self.chat)
        #expect(request.parameters["caption"]?.stringValue == "صورة الهوية")
        #expect(request.parameters["photo"]?.stringValue?.hasPrefix("upload-") == true)

        // Telegram's own file goes by its file id: no download, no upload.
        let own = DialogCore.Attachment(kind: .photo, fileID: "AgACAgIAAxkBAAIC", channel: "telegram")
        let second = await sender.deliver(
            OutboundRecord(id: 2, key: key, payload: .file(own, caption: nil), notBefore: Date()))
        guard case .sent = second else {
            Issue.record("expected sent, got \(second)")
            return
        }
        #expect(whatsapp.downloads == 1)
        #expect(await fake.uploads.count == 1)
        #expect(await fake.requests(method: "sendPhoto").last?.parameters["photo"]?.stringValue == "AgACAgIAAxkBAAIC")
    }

    @Test func aFileFromAChannelWithoutAMediaSourceFailsInsteadOfRetrying() async throws {
        let fake = try FakeTelegramServer()
        await fake.userSends(chatID: Self.chat, text: "مرحبا")
        let sender = TelegramSender(client: TelegramClient(transport: FakeTelegramTransport(server: fake))) { _ in }
        let file = DialogCore.Attachment(kind: .document, fileID: "wamid-doc", channel: "whatsapp", fileName: "صك.pdf")
        let outcome = await sender.deliver(
            OutboundRecord(
                id: 1, key: ConversationKey(channel: "telegram", chat: String(Self.chat)),
                payload: .file(file, caption: nil), notBefore: Date()))
        #expect(outcome == .failed(reason: "no media source for whatsapp files"))
    }
}
