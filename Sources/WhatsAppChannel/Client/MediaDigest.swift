import Hashing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// SHA-256 digests as Meta writes them: base64 in webhooks (`SfInY0gG…GUI=`), 64 hex digits in some
/// media-URL answers.
enum MediaDigest {
    static func sha256(_ data: Data) -> [UInt8] { Hashing.sha256(data) }

    /// The 32 digest bytes of `text` in either encoding; nil for anything else (a placeholder like "<HASH>").
    static func bytes(_ text: String) -> [UInt8]? {
        if text.utf8.count == 64, let bytes = WebhookSignature.bytes(hex: Substring(text).utf8) { return bytes }
        if let data = Data(base64Encoded: text), data.count == 32 { return [UInt8](data) }
        return nil
    }
}
