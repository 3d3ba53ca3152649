import BotRuntime
import DialogCore
import Dispatch
import Foundation
import HTTPClient
import SafaBotTestSupport
import Testing
import WhatsAppChannel

/// Files both ways against the fake Graph API: a user's photo fetched by media id (kept on disk with its
/// SHA-256), an officer's file from another channel uploaded and sent by its new id.
@Suite struct WhatsAppMediaTests {
    /// Another channel's files, as the officers' Telegram group would hand them over.
    struct OtherChannelFiles: MediaSource {
        let channel = "telegram"
        func download(_ attachment: DialogCore.Attachment) async throws -> MediaFile {
            MediaFile(bytes: Data("%PDF-1.4 officer's form".utf8), mimeType: "application/pdf", fileName: "form.pdf")
        }
    }

    final class Running: Sendable {
        let fake: FakeGraphAPI
        let server: FakeGraphHTTPServer
        let http: HTTPClient
        let client: GraphClient
        let directory: URL

        init() throws {
            fake = FakeGraphAPI(validator: try GraphRequestValidator())
            server = FakeGraphHTTPServer(fake: fake)
            try server.start()
            http = try HTTPClient()
            client = GraphClient(
                http: http,
                endpoint: .init(baseURL: server.baseURL, version: fake.version, phoneNumberID: fake.phoneNumberID),
                accessToken: fake.accessToken)
            directory = FileManager.default.temporaryDirectory.appending(path: "wa-media-\(UUID().uuidString)")
        }

        /// Shuts down off Swift's cooperative pool: stopping a server waits for its handlers, which need
        /// that pool (two threads here); blocking one of them from a test starves every other test.
        func stop() {
            let (http, server) = (self.http, self.server)
            DispatchQueue.global().async {
                http.shutdown()
                server.stop()
            }
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test func aUsersPhotoIsFetchedOnceKeptWithItsDigestAndServedFromDisk() async throws {
        let r = try Running()
        defer { r.stop() }
        let bytes = Data((0..<5000).map { UInt8($0 % 251) })
        let sha = await r.fake.addMedia(id: "1003383421387256", bytes: bytes, mimeType: "image/jpeg")
        let source = WhatsAppMediaSource(client: r.client, directory: r.directory.path)
        try await source.fetch(id: "1003383421387256", expectedSHA256: sha)
        #expect(FileManager.default.fileExists(atPath: r.directory.appending(path: "1003383421387256.sha256").path))
        let file = try await source.download(
            DialogCore.Attachment(kind: .photo, fileID: "1003383421387256", channel: "whatsapp", mimeType: "image/jpeg"))
        #expect(file.bytes == bytes)
        #expect(await r.fake.downloads == 1, "the relay read the kept copy")
    }

    @Test func anExpiredURLIsResolvedAgainAndAWrongDigestRefused() async throws {
        let r = try Running()
        defer { r.stop() }
        let bytes = Data("a scanned document".utf8)
        await r.fake.addMedia(id: "555", bytes: bytes, mimeType: "application/pdf")
        await r.fake.expireNextURL(of: "555")
        let source = WhatsAppMediaSource(client: r.client, directory: nil)
        #expect(try await source.fetch(id: "555", expectedSHA256: nil).bytes == bytes)
        let wrong = Data(repeating: 7, count: 32).base64EncodedString()
        await #expect(throws: MediaError.self) { try await source.fetch(id: "555", expectedSHA256: wrong) }
        await #expect(throws: (any Error).self) { try await source.fetch(id: "../etc", expectedSHA256: nil) }
    }

    @Test func anOfficersFileFromAnotherChannelIsUploadedThenSent() async throws {
        let r = try Running()
        defer { r.stop() }
        let sender = WhatsAppSender(client: r.client, menus: NumberedMenus(), media: MediaSources([OtherChannelFiles()]))
        let record = OutboundRecord(
            id: 1, key: ConversationKey(channel: "whatsapp", chat: "966500000001"),
            payload: .file(
                DialogCore.Attachment(kind: .document, fileID: "BQACAgQAAx-telegram-id", channel: "telegram", fileName: "form.pdf"),
                caption: "النموذج المطلوب"), notBefore: Date())
        guard case .sent = await sender.deliver(record) else {
            Issue.record("not sent: \(await r.fake.rejections)")
            return
        }
        let uploads = await r.fake.uploads
        #expect(uploads.count == 1)
        #expect(uploads.first?.fileName == "form.pdf")
        let sent = try #require(await r.fake.messages.first)
        #expect(sent.body["type"]?.stringValue == "document")
        #expect(sent.body["document"]?["id"]?.stringValue == "900000001")
        #expect(sent.body["document"]?["caption"]?.stringValue == "النموذج المطلوب")
        #expect(sent.body["document"]?["filename"]?.stringValue == "form.pdf")
    }

    @Test func aWhatsAppFileGoesBackByItsIdWithoutAnUpload() async throws {
        let r = try Running()
        defer { r.stop() }
        await r.fake.addMedia(id: "777", bytes: Data("x".utf8), mimeType: "image/jpeg")
        let sender = WhatsAppSender(client: r.client, menus: NumberedMenus())
        let record = OutboundRecord(
            id: 1, key: ConversationKey(channel: "whatsapp", chat: "966500000001"),
            payload: .file(DialogCore.Attachment(kind: .photo, fileID: "777", channel: "whatsapp"), caption: nil), notBefore: Date())
        #expect(await sender.deliver(record) == .sent(platformMessageID: "wamid.fake1"))
        #expect(await r.fake.uploads.isEmpty)
        // A file of a channel with no source is refused for good, not retried.
        let foreign = OutboundRecord(
            id: 2, key: record.key, payload: .file(DialogCore.Attachment(kind: .photo, fileID: "x", channel: "web"), caption: nil),
            notBefore: Date())
        guard case .failed = await sender.deliver(foreign) else {
            Issue.record("retried")
            return
        }
    }
}
