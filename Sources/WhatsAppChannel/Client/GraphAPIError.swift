import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A refused Graph API call: `{"error":{"message","type","code","error_subcode","error_data":{"details"}}}`.
///
/// What to do is decided on `code` (with the HTTP status only when no code came back), as Meta advises.
public struct GraphAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var httpStatus: Int
    public var code: Int?
    public var subcode: Int?
    public var message: String
    public var details: String?

    public init(httpStatus: Int, code: Int?, subcode: Int? = nil, message: String, details: String? = nil) {
        self.httpStatus = httpStatus
        self.code = code
        self.subcode = subcode
        self.message = message
        self.details = details
    }

    /// Reads an error answer; a body that is not a Graph error keeps the status and a short excerpt.
    init(httpStatus: Int, body: Data) {
        self.httpStatus = httpStatus
        let error = JSONNode.parse(body)?["error"]
        code = error?["code"]?.int
        subcode = error?["error_subcode"]?.int
        message = error?["message"]?.string ?? String(decoding: body.prefix(200), as: UTF8.self)
        details = error?["error_data"]?["details"]?.string
    }

    /// What a refusal means for the message.
    public enum Disposition: Sendable, Equatable {
        /// Too fast for WhatsApp (130429 throughput, 131056 pair rate, 80007/4 API limits, 131057 upgrade,
        /// 131048 spam limit): wait longer and try again.
        case slowDown
        /// 131047: more than 24 hours since the user last wrote; only a template can reach them.
        case windowClosed
        /// Meta's side or our credentials failing for now (5xx, 1/2/131000/131016, 190 expired token):
        /// try again with backoff; the message is not at fault.
        case retry
        /// This message will never go through (131026 undeliverable, 100 bad parameter, 131051, 368…).
        case permanent
    }

    public var disposition: Disposition {
        switch code {
        case 130429, 131056, 80007, 4, 131057, 131048: return .slowDown
        case 131047: return .windowClosed
        case 1, 2, 131000, 131016, 190, 0: return .retry
        case .some: return httpStatus >= 500 ? .retry : .permanent
        case .none: return httpStatus >= 500 || httpStatus == 429 ? .retry : .permanent
        }
    }

    public var description: String {
        var text = "HTTP \(httpStatus)"
        if let code { text += " code \(code)" }
        if let subcode { text += "/\(subcode)" }
        text += ": \(message)"
        if let details, !details.isEmpty { text += " (\(details))" }
        return text
    }
}
