/// A shared phone contact (`Contact`).
public struct Contact: Sendable, Equatable, Codable {
    public var phoneNumber: String
    public var firstName: String
    public var lastName: String?
    public var userID: Int64?

    public init(phoneNumber: String, firstName: String, lastName: String? = nil, userID: Int64? = nil) {
        self.phoneNumber = phoneNumber
        self.firstName = firstName
        self.lastName = lastName
        self.userID = userID
    }

    enum CodingKeys: String, CodingKey {
        case phoneNumber = "phone_number"
        case firstName = "first_name"
        case lastName = "last_name"
        case userID = "user_id"
    }
}
