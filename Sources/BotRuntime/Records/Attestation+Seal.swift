public import DialogCore
import Hashing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Attestation {
    /// The attestation with its channel and the SHA-256 of its statement and data filled in, as recorded
    /// with the request. A version 1 attestation (no canonical data) gets only the statement's hash.
    public func sealed(channel: String) -> Attestation {
        var sealed = self
        sealed.channel = sealed.channel ?? channel
        sealed.statementSHA256 = Self.sha256Hex(statement)
        sealed.dataSHA256 = data.map(Self.sha256Hex)
        return sealed
    }

    /// Lowercase hex SHA-256 of `text` as UTF-8.
    public static func sha256Hex(_ text: String) -> String {
        Hashing.hex(Hashing.sha256(Data(text.utf8)))
    }
}
