#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One HTTP request for ``HTTPClient/send(_:)``.
public struct HTTPClientRequest: Sendable {
    /// The method, e.g. "GET" or "POST" (upper case as sent).
    public var method: String
    /// The absolute http or https URL.
    public var url: String
    /// Request headers in order; duplicates are sent as given.
    public var headers: [(String, String)]
    /// The request body, if any.
    public var body: Data?
    /// A multipart/form-data body built by libcurl (curl_mime), for file uploads; when set, `body` is
    /// ignored and curl writes the Content-Type with its boundary.
    public var form: [HTTPFormPart]?
    /// The limit for the whole transfer, including a long poll's wait.
    public var timeout: Duration
    /// The limit for establishing the connection (DNS, TCP, TLS).
    public var connectTimeout: Duration

    /// Creates a request; GET with a 30 s total and 10 s connect timeout by default.
    public init(
        method: String = "GET",
        url: String,
        headers: [(String, String)] = [],
        body: Data? = nil,
        form: [HTTPFormPart]? = nil,
        timeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.form = form
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}

/// One part of a multipart/form-data body: a field, or a file when `fileName` is given.
public struct HTTPFormPart: Sendable, Equatable {
    public var name: String
    public var data: Data
    /// The file name sent for an upload; nil for a plain field.
    public var fileName: String?
    /// The part's Content-Type, e.g. "image/jpeg"; nil lets curl choose (text/plain or by file name).
    public var contentType: String?

    public init(name: String, data: Data, fileName: String? = nil, contentType: String? = nil) {
        self.name = name
        self.data = data
        self.fileName = fileName
        self.contentType = contentType
    }

    /// A text field.
    public init(name: String, value: String) {
        self.init(name: name, data: Data(value.utf8))
    }
}
