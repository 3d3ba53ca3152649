/// Why one update in a batch could not be decoded; the runtime acknowledges it by `updateID` and moves on.
public struct UpdateDecodingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The update's id when it could still be read.
    public var updateID: Int64?
    /// Where decoding failed (a JSON path and the kind of problem); never the payload's values.
    public var reason: String

    public init(updateID: Int64?, reason: String) {
        self.updateID = updateID
        self.reason = reason
    }

    public var description: String { "undecodable update \(updateID.map(String.init) ?? "?"): \(reason)" }
}

/// The result of getUpdates, decoded element by element so one bad update does not fail the batch.
public struct UpdateBatch: Sendable, Equatable, Decodable {
    public var updates: [Swift.Result<Update, UpdateDecodingFailure>]

    public init(updates: [Swift.Result<Update, UpdateDecodingFailure>]) { self.updates = updates }

    /// The offset for the next getUpdates: one past the highest readable update id, or nil if none.
    public var nextOffset: Int64? {
        let ids = updates.compactMap { result -> Int64? in
            switch result {
            case .success(let update): update.updateID
            case .failure(let failure): failure.updateID
            }
        }
        return ids.max().map { $0 + 1 }
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var updates: [Swift.Result<Update, UpdateDecodingFailure>] = []
        while !container.isAtEnd {
            do {
                updates.append(.success(try container.decode(Update.self)))
            } catch {
                // A failed decode does not advance the container, so read the same element again leniently.
                let probe = try container.decode(UpdateIDProbe.self)
                updates.append(.failure(UpdateDecodingFailure(updateID: probe.updateID, reason: Self.reason(error))))
            }
        }
        self.updates = updates
    }

    /// A path-and-kind summary of a decoding error that carries no payload values.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not decodable" }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.reduce("$") { path, key in
                key.intValue.map { "\(path)[\($0)]" } ?? "\(path).\(key.stringValue)"
            }
            return path
        }
        switch error {
        case .typeMismatch(_, let context): return "type mismatch at \(path(context))"
        case .valueNotFound(_, let context): return "null value at \(path(context))"
        case .keyNotFound(let key, let context): return "missing key \(key.stringValue) at \(path(context))"
        case .dataCorrupted(let context): return "corrupted data at \(path(context))"
        @unknown default: return "not decodable"
        }
    }
}

/// Reads `update_id` from any JSON value without ever failing.
private struct UpdateIDProbe: Decodable {
    var updateID: Int64?

    private enum CodingKeys: String, CodingKey { case updateID = "update_id" }

    init(from decoder: any Decoder) throws {
        let container = try? decoder.container(keyedBy: CodingKeys.self)
        updateID = (try? container?.decodeIfPresent(Int64.self, forKey: .updateID)) ?? nil
    }
}
