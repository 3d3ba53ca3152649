import DialogCore
import OfficerDesk

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads the facts FAQ answers show (`AssociationFacts`) from `config/association.json` (contact details)
/// and the officers' configuration (working hours), so an admin changes a phone number in one place.
enum AssociationFactsFile {
    /// `config/association.json`, or `SAFA_ASSOCIATION_CONFIG`.
    static func defaultPath(environment: [String: String]) -> String {
        environment["SAFA_ASSOCIATION_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? "config/association.json"
    }

    /// The facts; a missing file sets no contact facts, and missing officers' configuration gives the
    /// default working hours (the ones the desk uses then).
    static func load(path: String, officersPath: String) throws -> AssociationFacts {
        var values: [String: String] = [:]
        if let data = FileManager.default.contents(atPath: path) {
            values = try contact(from: data, file: path)
        }
        var hours = WorkingHours()
        if let data = FileManager.default.contents(atPath: officersPath) {
            do {
                hours = try OfficerConfiguration.decode(data).workingHours
            } catch {
                throw ConfigurationError(file: officersPath, message: error.description)
            }
        }
        values["hours"] = hours.arabicSummary
        return AssociationFacts(values)
    }

    static func contact(from data: Data, file: String) throws -> [String: String] {
        let reader = ConfigReader(file: file)
        guard let root = JSONValue.untyped(parsing: data) as? [String: Any] else {
            throw ConfigurationError(file: file, message: "is not a JSON object")
        }
        guard let version = root["version"] as? Int else { throw reader.error("version", "is missing") }
        guard version == 1 else { throw reader.error("version", "is \(version); this build reads version 1") }
        for key in root.keys where key != "version" && key != "contact" && !key.hasPrefix("$") {
            throw reader.error(key, "is not a known key; known: version, contact")
        }
        guard let contact = root["contact"] else { return [:] }
        guard let object = contact as? [String: Any] else { throw reader.error("contact", "must be an object") }
        let known = AssociationFacts.names.keys.filter { $0.hasPrefix("contact.") }.map { String($0.dropFirst(8)) }
        var values: [String: String] = [:]
        for key in object.keys.sorted() {
            guard known.contains(key) else {
                throw reader.error("contact.\(key)", "is not a known fact; known: \(known.sorted().joined(separator: ", "))")
            }
            var value: String?
            try reader.optionalString(object, key, into: &value, path: "contact.\(key)")
            let trimmed = String((value ?? "").drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            if key == "website" || key == "map", !trimmed.isEmpty, !trimmed.hasPrefix("https://") {
                throw reader.error("contact.\(key)", "must be an https:// link (it is \"\(trimmed)\")")
            }
            if !trimmed.isEmpty { values["contact.\(key)"] = trimmed }
        }
        return values
    }
}
