#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The status, headers and body of a completed HTTP transfer.
public struct HTTPClientResponse: Sendable {
    /// The HTTP status code of the final response.
    public var status: Int
    /// Response headers keyed by lowercased name; repeated headers are joined with ", ".
    public var headers: [String: String]
    /// The (already content-decoded) response body.
    public var body: Data

    /// Creates a response value.
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
