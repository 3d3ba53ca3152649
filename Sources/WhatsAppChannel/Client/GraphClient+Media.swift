public import BotRuntime
public import DialogCore
import HTTPClient

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Media on the Cloud API: a media id is resolved to a short-lived URL (5 minutes), which is fetched with
/// the same bearer token; files the bot sends are uploaded first and sent by their new id.
extension GraphClient {
    /// What `GET /<version>/<media-id>` answers.
    public struct MediaInfo: Sendable, Equatable {
        public var url: String
        public var mimeType: String?
        /// As Meta gave it (hex or base64).
        public var sha256: String?
    }

    /// Resolves a media id to its download URL.
    public func mediaInfo(id: String) async throws -> MediaInfo {
        guard Self.isSafeID(id) else { throw MediaError.unavailable(channel: WhatsApp.channel, reason: "bad media id") }
        let response = try await http.send(
            HTTPClientRequest(url: "\(endpoint.baseURL)/\(endpoint.version)/\(id)", headers: headers, timeout: .seconds(20)))
        guard response.status == 200 else { throw GraphAPIError(httpStatus: response.status, body: response.body) }
        let answer = JSONNode.parse(response.body)
        guard let url = answer?["url"]?.string else {
            throw GraphAPIError(httpStatus: response.status, code: nil, message: "media answer without url")
        }
        return MediaInfo(url: url, mimeType: answer?["mime_type"]?.string, sha256: answer?["sha256"]?.string)
    }

    /// Downloads a media id's bytes: resolves the URL, fetches it with the token; a URL that expired in
    /// between (4xx) is resolved once more. The bytes are checked against Meta's SHA-256 when it gave one.
    public func downloadMedia(id: String, expectedSHA256: String? = nil) async throws -> (bytes: Data, mimeType: String?) {
        var lastStatus = 0
        for _ in 0..<2 {
            let info = try await mediaInfo(id: id)
            let response = try await http.send(HTTPClientRequest(url: info.url, headers: headers, timeout: .seconds(60)))
            lastStatus = response.status
            guard response.status == 200 else {
                if response.status >= 400 && response.status < 500 { continue }
                throw GraphAPIError(httpStatus: response.status, body: response.body)
            }
            for digest in [info.sha256, expectedSHA256].compactMap({ $0 }) {
                guard let expected = MediaDigest.bytes(digest) else { continue }
                guard expected == MediaDigest.sha256(response.body) else {
                    throw MediaError.unavailable(channel: WhatsApp.channel, reason: "SHA-256 mismatch for media \(id)")
                }
            }
            return (response.body, info.mimeType)
        }
        throw MediaError.unavailable(channel: WhatsApp.channel, reason: "media \(id): download refused (HTTP \(lastStatus))")
    }

    /// Uploads bytes (`POST /<version>/<phone-number-id>/media`, multipart); returns the new media id.
    public func uploadMedia(_ file: MediaFile, kind: Attachment.Kind) async throws -> String {
        let mime = file.mimeType ?? (kind == .photo ? "image/jpeg" : "application/octet-stream")
        let name = file.fileName ?? (kind == .photo ? "photo.jpg" : "file")
        let response = try await http.send(
            HTTPClientRequest(
                method: "POST", url: "\(endpoint.baseURL)/\(endpoint.version)/\(endpoint.phoneNumberID)/media",
                headers: headers,
                form: [
                    HTTPFormPart(name: "messaging_product", value: "whatsapp"),
                    HTTPFormPart(name: "type", value: mime),
                    HTTPFormPart(name: "file", data: file.bytes, fileName: name, contentType: mime),
                ], timeout: .seconds(120)))
        guard response.status == 200 else { throw GraphAPIError(httpStatus: response.status, body: response.body) }
        guard let id = JSONNode.parse(response.body)?["id"]?.string else {
            throw GraphAPIError(httpStatus: response.status, code: nil, message: "upload answer without id")
        }
        return id
    }

    /// Media ids are digits; anything that could leave the URL path (or a file name) is refused.
    static func isSafeID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 128
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }
            && id != "." && id != ".."
    }
}
