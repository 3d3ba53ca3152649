import Hashing

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Checks `X-Hub-Signature-256: sha256=<hex>`, Meta's HMAC-SHA256 of the raw request body keyed with the
/// app secret.
///
/// Always over the bytes exactly as received: Meta signs its own (escaped-unicode) serialisation, so a
/// re-encoded body, Arabic text above all, would not match.
public struct WebhookSignature: Sendable {
    let secret: Data

    public init(appSecret: String) { secret = Data(appSecret.utf8) }

    /// Why a body is refused.
    public enum Failure: Error, Sendable, Equatable {
        case missing
        case malformed
        case mismatch
    }

    /// Why `header` is not a valid signature of `body`, or nil when it is; compares in constant time.
    public func failure(header: String?, body: Data) -> Failure? {
        guard let header, !header.isEmpty else { return .missing }
        let prefix = "sha256="
        guard header.hasPrefix(prefix), let given = Self.bytes(hex: header.utf8.dropFirst(prefix.utf8.count)),
            given.count == 32
        else { return .malformed }
        let expected = Hashing.hmacSHA256(key: secret, data: body)
        return Hashing.constantTimeEquals(given, expected) ? nil : .mismatch
    }

    /// The header value for `body` (tests and the fake webhook sender sign with it).
    public func header(for body: Data) -> String {
        "sha256=" + Hashing.hex(Hashing.hmacSHA256(key: secret, data: body))
    }

    /// Hex digits (either case) to bytes; nil for an odd count or a non-hex character.
    static func bytes(hex: Substring.UTF8View) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for c in hex {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x61...0x66: v = c - 0x61 + 10
            case 0x41...0x46: v = c - 0x41 + 10
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        return out
    }
}
