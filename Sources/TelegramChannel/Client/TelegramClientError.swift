/// A failure below the Bot API's error format: the answer could not be read.
public enum TelegramClientError: Error, Sendable, Equatable {
    /// The body was not a Bot API answer (status given; e.g. a proxy's HTML error page on 2xx).
    case undecodableResponse(status: Int)
    /// The answer said `ok: true` but carried no `result`.
    case missingResult(method: String)
    /// The transport cannot upload or download files (multipart or file downloads).
    case uploadUnsupported
    /// A file download answered with this HTTP status.
    case downloadFailed(status: Int)
}
