import BotRuntime
import DialogCore
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension WebChatServer {
    /// POST /chat/upload?key=K with the file as the body: a photo (JPEG, PNG, WebP) or a PDF, recognised by
    /// its first bytes, at most ``WebChatConfiguration/maxUploadBytes``; kept under its SHA-256 and put in
    /// the inbox as an attachment once per key.
    func upload(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "POST" else { return Self.methodNotAllowed("POST") }
        guard let token = conversation(request) else { return Self.error("no conversation", status: 401) }
        if let later = limits.admitPost(address: clientAddress(request), conversation: token.id, now: clock()) {
            return Self.tooMany(retryAt: later, now: clock())
        }
        guard let postKey = request.query["key"], WebChatPost.isValidKey(postKey) else {
            return Self.error("key must be 8-64 characters of A-Z a-z 0-9 _ -", status: 400)
        }
        guard !request.body.isEmpty else { return Self.error("the file is empty", status: 400) }
        guard request.body.count <= configuration.maxUploadBytes else {
            return Self.error("the file is larger than \(configuration.maxUploadBytes) bytes", status: 413)
        }
        guard let type = FileType.detect(request.body) else {
            logger.info("web_upload_refused", ["conversation": token.id, "bytes": String(request.body.count)])
            return Self.error("only JPEG, PNG or WebP photos and PDF documents are accepted", status: 415)
        }
        let files = self.files
        let mailbox = self.mailbox
        let bytes = request.body
        let key = WebChat.conversationKey(token.id)
        let platformID = "web:\(token.id):\(postKey)"
        let now = clock()
        do {
            let sha = try await executor.run { try files.save(bytes) }
            let attachment = Attachment(
                kind: type.kind, fileID: sha, channel: WebChat.channel, fileName: "file.\(type.fileExtension)",
                mimeType: type.mimeType, size: bytes.count)
            let echo = WebChatEntry(
                type: "me", url: files.link(sha, conversation: token.id), kind: type.kind.rawValue, key: postKey
            ).json()
            _ = try await executor.run { try mailbox.appendMailbox(key, origin: platformID, body: echo, at: now) }
            bell.ring(token.id)
            let records = try await inbox.accept([
                InboundItem(
                    key: key, platformID: platformID, content: .attachment(attachment), receivedAt: now, meta: [:])
            ])
            let duplicate = records.first.map { $0 == nil } ?? true
            return Self.json(#"{"accepted":true,"duplicate":\#(duplicate)}"#, status: 202)
        } catch {
            logger.error("web_upload_failed", ["conversation": token.id, "error": "\(error)"])
            return Self.error("the bot cannot take files right now; try again", status: 503)
        }
    }

    /// GET /chat/file?id=<sha256>&sig=…: a file shown in this browser's conversation, and no other.
    func file(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "GET" else { return Self.methodNotAllowed("GET") }
        guard let token = conversation(request) else { return Self.error("no conversation", status: 401) }
        guard let sha = request.query["id"], let signature = request.query["sig"],
            files.verify(sha, conversation: token.id, signature: signature)
        else { return Self.error("no such file in this conversation", status: 404) }
        let files = self.files
        guard let bytes = try? await executor.run({ try files.load(sha) }) else {
            return Self.error("the file is no longer stored", status: 404)
        }
        let type = FileType.detect(bytes)
        let disposition = type?.kind == .photo ? "inline" : "attachment"
        return HTTPResponse(
            status: 200,
            headers: [
                "Content-Type": type?.mimeType ?? "application/octet-stream",
                "Content-Disposition": "\(disposition); filename=\"file.\(type?.fileExtension ?? "bin")\"",
                "Cache-Control": "private, max-age=86400",
                "X-Content-Type-Options": "nosniff",
                "Content-Security-Policy": "default-src 'none'; sandbox",
            ],
            body: bytes)
    }
}
