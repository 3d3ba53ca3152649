/// The envelope of every Bot API answer: `ok` plus `result`, or `error_code`, `description` and `parameters`.
public struct APIResponse<T: Decodable>: Decodable {
    public var ok: Bool
    public var result: T?
    public var description: String?
    public var errorCode: Int?
    public var parameters: ResponseParameters?

    enum CodingKeys: String, CodingKey {
        case ok, result, description
        case errorCode = "error_code"
        case parameters
    }
}

extension APIResponse: Sendable where T: Sendable {}
extension APIResponse: Equatable where T: Equatable {}
